namespace Signet.Milter.Protocol;

/// <summary>The SMTP client's address family in SMFIC_CONNECT (SMFIA_*).</summary>
public enum MilterAddressFamily : byte
{
    Unknown = (byte)'U',
    Unix = (byte)'L',
    Inet = (byte)'4',
    Inet6 = (byte)'6',
}
