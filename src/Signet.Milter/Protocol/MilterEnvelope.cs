namespace Signet.Milter.Protocol;

/// <summary>SMFIC_MAIL or SMFIC_RCPT: the address, then any ESMTP parameters.</summary>
public sealed record MilterEnvelope(MilterCommandCode Code, IReadOnlyList<string> Arguments) : MilterCommand(Code);
