using Signet.Dkim.Diagnostics;

namespace Signet.Store.Model;

/// <summary>The outcome of checking a key's published record: usable and matching, or why not (in words).
/// <see cref="Findings"/> holds the full diagnosis of a check made just now; a check read back from the store keeps
/// only the summary.</summary>
public sealed record DnsCheckSummary(DateTimeOffset CheckedAt, bool Published, bool Matches, string Summary)
{
    public IReadOnlyList<DkimRecordFinding> Findings { get; init; } = [];
}
