namespace Signet.Dkim.Verification;

/// <summary>The verifier's limits and local policy, with the reason for each default beside it.</summary>
public sealed record DkimVerifierOptions
{
    /// <summary>Signatures beyond this many (counted from the top) are not checked and get <c>neutral</c>:
    /// each costs a DNS query and a public-key operation, and a message may carry hundreds to exhaust us.</summary>
    public int MaximumSignatures { get; init; } = 10;

    /// <summary>A t= further in the future than this makes the signature unusable. Clocks drift; minutes are normal.</summary>
    public TimeSpan MaximumClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>What a valid signature whose l= covers less than the whole body gets: <c>policy</c> by default,
    /// because anyone could have appended the uncovered part (RFC 6376 §8.2).</summary>
    public DkimBodyLengthPolicy BodyLengthPolicy { get; init; } = DkimBodyLengthPolicy.ReportAsPolicy;

    /// <summary>How many distinct key records stay parsed: parsing an RSA key costs far more than verifying with it.</summary>
    public int ParsedKeyCacheSize { get; init; } = 10_000;

    public static DkimVerifierOptions Default { get; } = new();
}
