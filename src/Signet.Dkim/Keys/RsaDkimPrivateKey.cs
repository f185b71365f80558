using System.Security.Cryptography;

namespace Signet.Dkim.Keys;

/// <summary>An RSA signing key. One RSA instance is kept for the key's lifetime: importing a private key costs far
/// more than a signature, and signing does not change the key, so concurrent signing on one instance is safe.</summary>
public sealed class RsaDkimPrivateKey : DkimPrivateKey
{
    private readonly RSA _rsa;
    private readonly RsaDkimPublicKey _publicKey;

    /// <summary>Takes ownership of <paramref name="rsa"/>, which must hold a private key.</summary>
    internal RsaDkimPrivateKey(RSA rsa)
    {
        _rsa = rsa;
        if (!RsaDkimPublicKey.TryImport(rsa.ExportSubjectPublicKeyInfo(), out _publicKey))
        {
            throw new CryptographicException("The RSA key's public half could not be exported.");
        }
    }

    public override DkimKeyType KeyType => DkimKeyType.Rsa;

    public override int KeySizeBits => _rsa.KeySize;

    public override DkimPublicKey PublicKey => _publicKey;

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256 over a hash already computed (RFC 6376 §3.3.1).</summary>
    public override byte[] SignHash(ReadOnlySpan<byte> sha256Hash) =>
        _rsa.SignHash(sha256Hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public override string ExportPkcs8Pem() => _rsa.ExportPkcs8PrivateKeyPem();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rsa.Dispose();
        }

        base.Dispose(disposing);
    }
}
