namespace Signet.Dkim.Keys;

/// <summary>A signing key, parsed once and used for many messages. Never logged, never shown back.</summary>
public abstract class DkimPrivateKey : IDisposable
{
    public abstract DkimKeyType KeyType { get; }

    public abstract int KeySizeBits { get; }

    /// <summary>The algorithm this key signs with (rsa-sha256 or ed25519-sha256).</summary>
    public DkimAlgorithm Algorithm => KeyType == DkimKeyType.Ed25519 ? DkimAlgorithm.Ed25519Sha256 : DkimAlgorithm.RsaSha256;

    public abstract DkimPublicKey PublicKey { get; }

    /// <summary>Signs the SHA-256 hash of the canonicalized header data; see <see cref="DkimPublicKey.VerifyHash"/>.</summary>
    public abstract byte[] SignHash(ReadOnlySpan<byte> sha256Hash);

    /// <summary>The private key as PKCS#8 PEM (<c>BEGIN PRIVATE KEY</c>).</summary>
    public abstract string ExportPkcs8Pem();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
