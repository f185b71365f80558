using Signet.Milter.Protocol;

namespace Signet.Milter.Server;

/// <summary>What the filter decided at end of message: header edits, sent in order, then the final reply.</summary>
public sealed record MilterMessageOutcome(IReadOnlyList<MilterHeaderChange> Changes, MilterReply Reply)
{
    public static MilterMessageOutcome Continue { get; } = new([], MilterReply.Continue);
}
