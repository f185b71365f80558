using System.Security.Cryptography;
using NSec.Cryptography;

namespace Signet.Dkim.Keys;

/// <summary>An Ed25519 signing key (RFC 8463), held in libsodium's protected memory.</summary>
public sealed class Ed25519DkimPrivateKey : DkimPrivateKey
{
    private readonly Key _key;
    private readonly Ed25519DkimPublicKey _publicKey;

    private Ed25519DkimPrivateKey(Key key)
    {
        _key = key;
        _publicKey = Ed25519DkimPublicKey.From(key.PublicKey);
    }

    public override DkimKeyType KeyType => DkimKeyType.Ed25519;

    public override int KeySizeBits => DkimKeySizes.Ed25519Bits;

    public override DkimPublicKey PublicKey => _publicKey;

    /// <summary>Imports the 32-byte private seed (RFC 8032 §5.1.5); false for any other length.</summary>
    public static bool TryImportSeed(ReadOnlySpan<byte> seed, out Ed25519DkimPrivateKey key)
    {
        key = null!;
        if (seed.Length != DkimKeySizes.Ed25519KeyBytes
            || !Key.TryImport(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, out var imported, ExportableParameters)
            || imported is null)
        {
            return false;
        }

        key = new Ed25519DkimPrivateKey(imported);
        return true;
    }

    internal static Ed25519DkimPrivateKey Generate() => new(Key.Create(SignatureAlgorithm.Ed25519, ExportableParameters));

    /// <summary>RFC 8463 §3: PureEdDSA over the SHA-256 hash, the hash itself being the message signed.</summary>
    public override byte[] SignHash(ReadOnlySpan<byte> sha256Hash) => SignatureAlgorithm.Ed25519.Sign(_key, sha256Hash);

    /// <summary>PKCS#8 as RFC 8410 §7 writes it, the form <c>openssl genpkey -algorithm ed25519</c> produces.</summary>
    public override string ExportPkcs8Pem()
    {
        byte[] der = _key.Export(KeyBlobFormat.PkixPrivateKey);
        try
        {
            return new string(PemEncoding.Write("PRIVATE KEY", der));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    // The key must be exportable, or ExportPkcs8Pem could not write it out for storage.
    private static KeyCreationParameters ExportableParameters => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }

        base.Dispose(disposing);
    }
}
