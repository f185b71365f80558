namespace Signet.Milter.Protocol;

/// <summary>SMFIC_HELO: the name the client gave in HELO or EHLO.</summary>
public sealed record MilterHelo(string Name) : MilterCommand(MilterCommandCode.Helo);
