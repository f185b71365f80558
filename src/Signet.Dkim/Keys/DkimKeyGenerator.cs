using System.Security.Cryptography;

namespace Signet.Dkim.Keys;

/// <summary>Creates new signing keys: RSA of 2048 bits by default (RFC 8301 §3.2), or Ed25519 (RFC 8463).</summary>
public static class DkimKeyGenerator
{
    /// <summary>Generates a key. <paramref name="rsaBits"/> applies to RSA only and must be a multiple of 8 from
    /// <see cref="DkimKeySizes.RsaSigningRange"/>: shorter keys are refused by receivers, longer ones need not be checked
    /// by them (RFC 8301 §3.2).</summary>
    public static DkimPrivateKey Generate(DkimKeyType type, int rsaBits = DkimKeySizes.RecommendedRsaBits)
    {
        if (type == DkimKeyType.Ed25519)
        {
            return Ed25519DkimPrivateKey.Generate();
        }

        if (type != DkimKeyType.Rsa)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "DKIM keys are RSA or Ed25519.");
        }

        // A programmer error here: callers check the size with DkimKeySizes.IsRsaSizeToGenerate first.
        if (!DkimKeySizes.IsRsaSizeToGenerate(rsaBits, out string error))
        {
            throw new ArgumentOutOfRangeException(nameof(rsaBits), rsaBits, error);
        }

        return new RsaDkimPrivateKey(RSA.Create(rsaBits));
    }
}
