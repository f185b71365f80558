using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Signet.Dkim.Keys;

/// <summary>Reads a PKCS#8 PrivateKeyInfo (RFC 5208, RFC 5958) holding an RSA or Ed25519 key, and names the
/// algorithm of any other.</summary>
internal static class Pkcs8PrivateKeyReader
{
    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string Ed25519 = "1.3.101.112";

    public static bool TryRead(byte[] der, out DkimPrivateKey key, out string error)
    {
        key = null!;
        if (!TryReadAlgorithm(der, out string oid, out byte[] privateKey))
        {
            error = "the \"PRIVATE KEY\" block does not hold a PKCS#8 key (the file may be damaged)";
            return false;
        }

        try
        {
            return oid switch
            {
                RsaEncryption => TryReadRsa(der, out key, out error),
                Ed25519 => TryReadEd25519(privateKey, out key, out error),
                _ => Refuse(oid, out error),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private static bool Refuse(string oid, out string error)
    {
        string found = oid switch
        {
            "1.2.840.10045.2.1" => "an EC (ECDSA) key",
            "1.2.840.10040.4.1" => "a DSA key",
            "1.2.840.113549.1.1.10" => "an RSA-PSS key (DKIM signs with PKCS#1 v1.5: generate a plain RSA key)",
            "1.3.101.110" => "an X25519 key (for key agreement, not signing)",
            "1.3.101.111" => "an X448 key (for key agreement, not signing)",
            "1.3.101.113" => "an Ed448 key",
            _ => $"a key of algorithm {oid}",
        };
        error = $"the file holds {found}: DKIM signs with RSA or Ed25519 keys only";
        return false;
    }

    // PrivateKeyInfo ::= SEQUENCE { version, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, ... }
    private static bool TryReadAlgorithm(byte[] der, out string oid, out byte[] privateKey)
    {
        oid = string.Empty;
        privateKey = [];
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            info.ReadInteger();
            var algorithm = info.ReadSequence();
            oid = algorithm.ReadObjectIdentifier();
            privateKey = info.ReadOctetString();
            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static bool TryReadRsa(byte[] der, out DkimPrivateKey key, out string error)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportPkcs8PrivateKey(der, out _);
            return DkimPemKeyReader.TryWrapRsa(rsa, out key, out error);
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            key = null!;
            error = "the \"PRIVATE KEY\" block names RSA but does not hold a valid RSA key (the file may be damaged)";
            return false;
        }
    }

    // RFC 8410 §7: the privateKey OCTET STRING wraps CurvePrivateKey ::= OCTET STRING, the 32-byte seed.
    private static bool TryReadEd25519(byte[] privateKey, out DkimPrivateKey key, out string error)
    {
        key = null!;
        byte[] seed = [];
        try
        {
            seed = new AsnReader(privateKey, AsnEncodingRules.BER).ReadOctetString();
            if (Ed25519DkimPrivateKey.TryImportSeed(seed, out var ed25519))
            {
                key = ed25519;
                error = string.Empty;
                return true;
            }
        }
        catch (AsnContentException)
        {
            // Reported below as a value.
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }

        error = "the \"PRIVATE KEY\" block names Ed25519 but does not hold a 32-byte Ed25519 key";
        return false;
    }
}
