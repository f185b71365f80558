namespace Signet.Milter.Protocol;

/// <summary>One packet from the filter to the MTA.</summary>
public abstract record MilterResponse(MilterReplyCode Code);
