namespace Signet.Milter.Protocol;

/// <summary>SMFIC_OPTNEG, and the filter's answer in the same shape: protocol version, the actions offered (or
/// wanted) and the protocol steps offered (or wanted).</summary>
public sealed record MilterNegotiation(uint Version, MilterActions Actions, MilterProtocolSteps Steps)
    : MilterCommand(MilterCommandCode.OptionNegotiation)
{
    /// <summary>Version 6 is what Sendmail 8.14+ and Postfix 2.6+ speak; it added the no-reply steps.</summary>
    public const uint CurrentVersion = 6;

    /// <summary>Version 2 is the oldest whose negotiation packet has the three fields we read.</summary>
    public const uint MinimumVersion = 2;
}
