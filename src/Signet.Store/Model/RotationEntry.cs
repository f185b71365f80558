namespace Signet.Store.Model;

/// <summary>A rotation for people who edit DNS by hand: a new key under a new selector waits (pending) until its
/// record is seen in DNS and matches; then it signs and the old key retires. After <see cref="RevokeOldAfter"/> the
/// old record can be revoked.</summary>
public sealed record RotationEntry(
    Guid Id,
    Guid OldKeyId,
    Guid NewKeyId,
    RotationStep Step,
    DateTimeOffset StartedAt,
    DateTimeOffset? SwitchedAt,
    TimeSpan RevokeOldAfter,
    string Explanation);

/// <summary>The steps a rotation shows: "publish this record" → "we see it" → "now signing with the new key" →
/// "old record revoked".</summary>
public enum RotationStep
{
    WaitingForDns,
    Switched,
    OldRevoked,
    Cancelled,
}
