namespace Signet.Dkim.Keys;

/// <summary>A parsed public key from a key record's <c>p=</c>, ready to verify many signatures (parse once, verify often).</summary>
public abstract class DkimPublicKey
{
    public abstract DkimKeyType KeyType { get; }

    /// <summary>The key size in bits (256 for Ed25519).</summary>
    public abstract int KeySizeBits { get; }

    /// <summary>Verifies a signature over the SHA-256 hash of the canonicalized header data
    /// (RSASSA-PKCS1-v1_5 for RSA, RFC 6376 §3.3.1; PureEdDSA over the hash for Ed25519, RFC 8463 §3).</summary>
    public abstract bool VerifyHash(ReadOnlySpan<byte> sha256Hash, ReadOnlySpan<byte> signature);

    /// <summary>The bytes that <c>p=</c> carries in base64: SubjectPublicKeyInfo DER for RSA, the raw 32-byte key for Ed25519.</summary>
    public abstract byte[] ExportRecordData();
}
