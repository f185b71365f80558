namespace Signet.Dkim.Diagnostics;

/// <summary>What a finding is about: a closed set for scripts and tests, next to the sentence for people.</summary>
public enum DkimRecordFindingKind
{
    Missing,
    DnsTemporaryFailure,
    DnsPermanentFailure,
    SeveralRecords,
    NotADkimKey,
    Syntax,
    Truncated,
    Revoked,
    Testing,
    Strict,
    HashExcluded,
    ServiceExcluded,
    KeyTooShort,
    KeyWeak,
    KeyDescription,
    KeyTypeMismatch,
    KeyMismatch,
    KeyMatches,
}
