using Signet.Dkim.Keys;

namespace Signet.Dkim.Diagnostics;

/// <summary>What <see cref="DkimRecordDiagnostician"/> found at a key record's name.</summary>
public sealed record DkimRecordDiagnosis(
    string RecordName,
    IReadOnlyList<DkimRecordFinding> Findings,
    DkimKeyRecord? Record,
    bool? MatchesExpectedKey)
{
    /// <summary>True when no finding is an error: receivers can verify mail signed with this record.</summary>
    public bool IsUsable => Findings.All(f => f.Severity != DkimFindingSeverity.Error);
}
