namespace Signet.Dkim.Keys;

/// <summary>The RSA key sizes Signet accepts and generates, with the rule behind each, in one place: the engine, the
/// store, the command line, the API and the console all ask here, so they refuse and accept the same sizes.</summary>
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

    /// <summary>The sizes Signet generates and signs with, in words for help texts: "1024 to 4096".</summary>
    public static string RsaSigningRange => $"{MinimumRsaBits} to {MaximumRsaSigningBits}";

    /// <summary>Whether an RSA key of <paramref name="bits"/> may be generated: a multiple of 8 (whole bytes, as key
    /// generators require) within <see cref="RsaSigningRange"/>; otherwise <paramref name="error"/> says why.</summary>
    public static bool IsRsaSizeToGenerate(int bits, out string error)
    {
        if (bits < MinimumRsaBits || bits > MaximumRsaSigningBits || bits % 8 != 0)
        {
            error = $"an RSA key must be a multiple of 8 bits from {RsaSigningRange} (RFC 8301 §3.2); {RecommendedRsaBits} is recommended";
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Whether an existing RSA key of <paramref name="bits"/> may sign (imported, read from a file, or handed
    /// to the signer): at least <see cref="MinimumRsaBits"/>, at most <see cref="MaximumRsaSigningBits"/>.</summary>
    public static bool IsRsaSizeToSignWith(int bits, out string error)
    {
        if (bits < MinimumRsaBits)
        {
            error = $"RSA key of {bits} bits is too short: DKIM needs at least {MinimumRsaBits} bits (RFC 8301); {RecommendedRsaBits} is recommended";
            return false;
        }

        if (bits > MaximumRsaSigningBits)
        {
            error = $"RSA key of {bits} bits is too long: receivers need only handle keys up to {MaximumRsaSigningBits} bits (RFC 8301 §3.2); use {RecommendedRsaBits}";
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Whether a published RSA key of <paramref name="bits"/> may verify a signature: at least
    /// <see cref="MinimumRsaBits"/> (RFC 8301 §3.2). There is no upper bound: a verifier may check longer keys.</summary>
    public static bool IsRsaSizeToVerify(int bits, out string error)
    {
        if (bits < MinimumRsaBits)
        {
            error = $"the RSA key is only {bits} bits: receivers refuse keys under {MinimumRsaBits} bits (RFC 8301 §3.2)";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
