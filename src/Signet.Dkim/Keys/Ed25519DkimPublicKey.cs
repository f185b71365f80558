using NSec.Cryptography;

namespace Signet.Dkim.Keys;

/// <summary>An Ed25519 public key from a key record: the raw 32 bytes of <c>p=</c> (RFC 8463 §4), imported once.</summary>
public sealed class Ed25519DkimPublicKey : DkimPublicKey
{
    private readonly PublicKey _key;
    private readonly byte[] _raw;

    private Ed25519DkimPublicKey(PublicKey key, byte[] raw)
    {
        _key = key;
        _raw = raw;
    }

    public override DkimKeyType KeyType => DkimKeyType.Ed25519;

    public override int KeySizeBits => DkimKeySizes.Ed25519Bits;

    /// <summary>Imports the 32 raw bytes of an Ed25519 public key; false for any other length or an invalid point.</summary>
    public static bool TryImport(ReadOnlySpan<byte> raw, out Ed25519DkimPublicKey key)
    {
        key = null!;
        if (raw.Length != DkimKeySizes.Ed25519KeyBytes
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var imported)
            || imported is null)
        {
            return false;
        }

        key = new Ed25519DkimPublicKey(imported, raw.ToArray());
        return true;
    }

    internal static Ed25519DkimPublicKey From(PublicKey key) =>
        new(key, key.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>RFC 8463 §3: PureEdDSA over the SHA-256 hash, the hash itself being the message signed.</summary>
    public override bool VerifyHash(ReadOnlySpan<byte> sha256Hash, ReadOnlySpan<byte> signature) =>
        SignatureAlgorithm.Ed25519.Verify(_key, sha256Hash, signature);

    public override byte[] ExportRecordData() => (byte[])_raw.Clone();
}
