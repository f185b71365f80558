namespace Signet.Interop.Tests;

/// <summary>A key record published wrong on purpose in the fixture's second zone, under its own selector, and the
/// words <c>signet check-dns</c> must use to name the problem. Every fault is checked with <c>--key</c> rsa2048.</summary>
public sealed record KeyRecordFault(string Selector, string Problem, string ExpectedFinding)
{
    /// <summary>The faults, with the finding each must produce. The zone lines are made by
    /// <see cref="InteropFixture"/> from the real key records.</summary>
    public static IReadOnlyList<KeyRecordFault> All { get; } =
    [
        new("missing", "no record at the name", "no TXT record at missing._domainkey.checks.test"),
        new("cut", "the rsa2048 record cut after its first 255-byte string", "the key looks truncated"),
        new("twice", "two TXT records at the name (rsa2048 and rsa1024)", "there are 2 TXT records at twice._domainkey.checks.test"),
        new("revoked", "p= left empty", "the key has been revoked (p= is empty)"),
        new("testing", "the rsa2048 record with t=y", "t=y is still set"),
        new("other", "the rsa1024 key where rsa2048 is expected", "the published key is not the signing key"),
    ];

    public override string ToString() => Selector;
}
