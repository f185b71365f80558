using System.Security.Cryptography;

namespace Signet.Dkim.Keys;

/// <summary>Reads a public key file, "-----BEGIN PUBLIC KEY-----" (SubjectPublicKeyInfo, RFC 7468 §13), as OpenSSL
/// and most DKIM guides write it, to publish its record without the private key at hand.</summary>
public static class DkimPublicKeyPemReader
{
    // RFC 8410 §4: SubjectPublicKeyInfo of an Ed25519 key, SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (32 bytes) }.
    private static readonly byte[] Ed25519Prefix = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00];

    /// <summary>True when <paramref name="text"/> holds a PUBLIC KEY block.</summary>
    public static bool LooksLikePublicKey(string text) =>
        text is not null && text.Contains("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal);

    public static bool TryRead(string text, out DkimPublicKey key, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        key = null!;
        if (!PemEncoding.TryFind(text, out var fields) || !text.AsSpan()[fields.Label].SequenceEqual("PUBLIC KEY"))
        {
            error = "the file holds no PUBLIC KEY block";
            return false;
        }

        byte[] der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(text.AsSpan()[fields.Base64Data], der, out int length))
        {
            error = "the PUBLIC KEY block is not valid base64";
            return false;
        }

        var data = der.AsSpan(0, length);
        if (data.Length == Ed25519Prefix.Length + DkimKeySizes.Ed25519KeyBytes && data.StartsWith(Ed25519Prefix))
        {
            bool ed = Ed25519DkimPublicKey.TryImport(data[Ed25519Prefix.Length..], out var ed25519);
            key = ed25519;
            error = ed ? string.Empty : "the Ed25519 public key is not valid";
            return ed;
        }

        if (RsaDkimPublicKey.TryImport(data, out var rsa))
        {
            key = rsa;
            error = string.Empty;
            return true;
        }

        error = "the PUBLIC KEY block is neither an RSA nor an Ed25519 key (DKIM uses only these, RFC 6376 §3.3, RFC 8463)";
        return false;
    }
}
