namespace Signet.Milter.Protocol;

/// <summary>The filter's answer to option negotiation.</summary>
public sealed record MilterNegotiationReply(MilterNegotiation Options) : MilterResponse(MilterReplyCode.OptionNegotiation);
