using System.Security.Cryptography;

namespace Signet.Dkim.Keys;

/// <summary>Creates new signing keys: RSA of 2048 bits by default (RFC 8301 §3.2), or Ed25519 (RFC 8463).</summary>
public static class DkimKeyGenerator
{
    /// <summary>Generates a key. <paramref name="rsaBits"/> applies to RSA only and must be a multiple of 8 from
    /// 1024 to 4096: shorter keys are refused by receivers, longer ones need not be checked by them (RFC 8301 §3.2).</summary>
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

        if (rsaBits < DkimKeySizes.MinimumRsaBits || rsaBits > DkimKeySizes.MaximumRsaSigningBits || rsaBits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rsaBits), rsaBits,
                $"An RSA DKIM key must be a multiple of 8 bits from {DkimKeySizes.MinimumRsaBits} to {DkimKeySizes.MaximumRsaSigningBits} (RFC 8301 §3.2); {DkimKeySizes.RecommendedRsaBits} is recommended.");
        }

        return new RsaDkimPrivateKey(RSA.Create(rsaBits));
    }
}
