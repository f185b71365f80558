namespace Signet.Milter.Protocol;

/// <summary>SMFIC_CONNECT: the SMTP client's host name and, unless the family is unknown, its port and address.</summary>
public sealed record MilterConnect(string HostName, MilterAddressFamily Family, ushort Port, string Address)
    : MilterCommand(MilterCommandCode.Connect);
