namespace Signet.Dkim;

/// <summary>The tag values that name algorithms and key types, as RFC 6376 and RFC 8463 spell them.</summary>
public static class DkimAlgorithmNames
{
    public const string RsaSha256 = "rsa-sha256";
    public const string Ed25519Sha256 = "ed25519-sha256";
    public const string RsaSha1 = "rsa-sha1";

    public static string ToTagValue(this DkimAlgorithm algorithm) => algorithm switch
    {
        DkimAlgorithm.RsaSha256 => RsaSha256,
        DkimAlgorithm.Ed25519Sha256 => Ed25519Sha256,
        DkimAlgorithm.RsaSha1 => RsaSha1,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The key type (<c>k=</c>) that an algorithm needs.</summary>
    public static DkimKeyType KeyType(this DkimAlgorithm algorithm) =>
        algorithm == DkimAlgorithm.Ed25519Sha256 ? DkimKeyType.Ed25519 : DkimKeyType.Rsa;

    public static bool TryParse(ReadOnlySpan<byte> value, out DkimAlgorithm algorithm)
    {
        // RFC 6376 §3.2: tag values are case-sensitive unless said otherwise; peers write lower case.
        if (value.SequenceEqual("rsa-sha256"u8)) { algorithm = DkimAlgorithm.RsaSha256; return true; }
        if (value.SequenceEqual("ed25519-sha256"u8)) { algorithm = DkimAlgorithm.Ed25519Sha256; return true; }
        if (value.SequenceEqual("rsa-sha1"u8)) { algorithm = DkimAlgorithm.RsaSha1; return true; }
        algorithm = default;
        return false;
    }
}
