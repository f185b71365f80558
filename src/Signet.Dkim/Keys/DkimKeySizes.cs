namespace Signet.Dkim.Keys;

/// <summary>The RSA key sizes Signet accepts and generates, with the rule behind each, in one place.</summary>
public static class DkimKeySizes
{
    /// <summary>Signers MUST use RSA keys of at least 1024 bits; verifiers MUST NOT accept shorter ones
    /// (RFC 8301 §3.2).</summary>
    public const int MinimumRsaBits = 1024;

    /// <summary>Signers SHOULD use RSA keys of at least 2048 bits (RFC 8301 §3.2): the size we generate.</summary>
    public const int RecommendedRsaBits = 2048;

    /// <summary>Verifiers need only handle RSA keys up to 4096 bits (RFC 8301 §3.2), so a longer signing key
    /// risks signatures that receivers cannot check.</summary>
    public const int MaximumRsaSigningBits = 4096;

    /// <summary>An Ed25519 key is 256 bits; its public key is 32 raw bytes (RFC 8463 §4).</summary>
    public const int Ed25519Bits = 256;

    /// <summary>The length of an Ed25519 public key and of its private seed, in bytes (RFC 8032 §5.1.5).</summary>
    public const int Ed25519KeyBytes = 32;
}
