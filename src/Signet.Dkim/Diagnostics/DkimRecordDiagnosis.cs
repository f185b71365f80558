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

    /// <summary>True when DNS answered with a TXT record at the name, usable or not: a record cut at 255 bytes is
    /// published (and wrong), not missing.</summary>
    public bool RecordFound { get; init; }

    /// <summary>The verdict in two or three words, from the first error: "ok", "not found", "wrong: truncated",
    /// "wrong: not this key", "not checked: DNS did not answer"…</summary>
    public string Verdict =>
        IsUsable && MatchesExpectedKey != false
            ? "ok"
            : Findings.FirstOrDefault(f => f.Severity == DkimFindingSeverity.Error)?.Kind switch
            {
                DkimRecordFindingKind.Missing => "not found",
                DkimRecordFindingKind.DnsTemporaryFailure => "not checked: DNS did not answer",
                DkimRecordFindingKind.DnsPermanentFailure => "not checked: the DNS lookup failed",
                DkimRecordFindingKind.SeveralRecords => "wrong: several records",
                DkimRecordFindingKind.NotADkimKey => "wrong: not a DKIM key",
                DkimRecordFindingKind.Truncated => "wrong: truncated",
                DkimRecordFindingKind.Revoked => "wrong: revoked",
                DkimRecordFindingKind.Testing => "wrong: test mode (t=y)",
                DkimRecordFindingKind.HashExcluded => "wrong: h= excludes sha256",
                DkimRecordFindingKind.ServiceExcluded => "wrong: s= excludes email",
                DkimRecordFindingKind.KeyTooShort => "wrong: key too short",
                DkimRecordFindingKind.KeyTypeMismatch => "wrong: another key type",
                DkimRecordFindingKind.KeyMismatch => "wrong: not this key",
                _ => "wrong: syntax error",
            };
}
