using System.Text;

namespace Signet.Dkim.Keys;

/// <summary>Reads a signing key file as the common tools write them: PKCS#8 PEM (<c>BEGIN PRIVATE KEY</c>, RSA or
/// Ed25519), PKCS#1 PEM (<c>BEGIN RSA PRIVATE KEY</c>, older opendkim-genkey), or the base64 of a 32-byte Ed25519
/// seed on one line (dkimpy's dknewkey). Anything else gets a one-line error that says what the file holds.</summary>
public static class DkimPrivateKeyReader
{
    public static bool TryRead(ReadOnlySpan<byte> content, out DkimPrivateKey key, out string error)
    {
        key = null!;
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        if (content.Trim(" \t\r\n"u8).IsEmpty)
        {
            error = "the file is empty";
            return false;
        }

        if (IsBinary(content))
        {
            error = content[0] == 0x30
                ? "the file is binary, probably a DER-encoded key: convert it to PEM with: openssl pkey -inform DER -in KEYFILE -out key.pem"
                : "the file holds binary data, not a PEM key or a base64 Ed25519 seed";
            return false;
        }

        string text = Encoding.UTF8.GetString(content);
        if (text.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            return DkimPemKeyReader.TryRead(text, out key, out error);
        }

        // A tag list with p= or v=DKIM1 is the record for DNS; base64 never holds ';'.
        if (text.Contains("v=DKIM1", StringComparison.Ordinal) || (text.Contains(';') && text.Contains("p=", StringComparison.Ordinal)))
        {
            error = "the file holds a DKIM DNS record (the public key), not a private key";
            return false;
        }

        return TryReadEd25519Seed(text, out key, out error);
    }

    // dknewkey writes base64 of the 32-byte seed and nothing else (RFC 8032 §5.1.5 private key).
    private static bool TryReadEd25519Seed(string text, out DkimPrivateKey key, out string error)
    {
        key = null!;
        string base64 = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var data = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, data, out int length))
        {
            error = "the file is neither PEM (no -----BEGIN line) nor valid base64 of an Ed25519 seed";
            return false;
        }

        if (length != DkimKeySizes.Ed25519KeyBytes)
        {
            error = data[0] == 0x30 && length > DkimKeySizes.Ed25519KeyBytes
                ? $"the file holds {length} bytes of base64 that look like a DER key without its PEM lines: add -----BEGIN PRIVATE KEY----- before it and -----END PRIVATE KEY----- after it"
                : $"the file holds {length} bytes of base64, but an Ed25519 key in base64 must be the {DkimKeySizes.Ed25519KeyBytes}-byte seed";
            return false;
        }

        if (!Ed25519DkimPrivateKey.TryImportSeed(data.AsSpan(0, length), out var ed25519))
        {
            error = "the base64 seed could not be imported as an Ed25519 key";
            return false;
        }

        key = ed25519;
        error = string.Empty;
        return true;
    }

    private static bool IsBinary(ReadOnlySpan<byte> content)
    {
        foreach (byte b in content)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n') || b == 0x7F)
            {
                return true;
            }
        }

        return !System.Text.Unicode.Utf8.IsValid(content);
    }
}
