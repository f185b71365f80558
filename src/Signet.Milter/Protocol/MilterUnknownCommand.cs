namespace Signet.Milter.Protocol;

/// <summary>SMFIC_UNKNOWN: an SMTP command the MTA did not recognise, as the client sent it.</summary>
public sealed record MilterUnknownCommand(string Text) : MilterCommand(MilterCommandCode.Unknown);
