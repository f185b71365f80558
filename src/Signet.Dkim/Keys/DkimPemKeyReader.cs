using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Signet.Dkim.Keys;

/// <summary>Reads the one private key of a PEM file (RFC 7468), naming what the file holds when it is not one.</summary>
internal static partial class DkimPemKeyReader
{
    private const string DecryptAdvice = "decrypt it with: openssl pkey -in KEYFILE -out decrypted.pem";

    private static readonly string[] PrivateKeyLabels =
        ["PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY"];

    public static bool TryRead(string text, out DkimPrivateKey key, out string error)
    {
        key = null!;
        var labels = BeginLine().Matches(text).Select(m => (Label: m.Groups[1].Value, m.Index)).ToList();
        var privateKeys = labels.Where(l => PrivateKeyLabels.Contains(l.Label)).ToList();
        if (privateKeys.Count == 0)
        {
            error = labels.Count == 0 ? "the file has a -----BEGIN line that is not a PEM header" : NotAPrivateKey(labels[0].Label);
            return false;
        }

        if (privateKeys.Count > 1)
        {
            error = $"the file holds {privateKeys.Count} private keys: put one key per file";
            return false;
        }

        var (label, index) = privateKeys[0];
        if (!TryUnsupported(label, text, out error) || !TryDecode(text, index, label, out byte[] der, out error))
        {
            return false;
        }

        try
        {
            return label == "RSA PRIVATE KEY"
                ? TryReadPkcs1(der, out key, out error)
                : Pkcs8PrivateKeyReader.TryRead(der, out key, out error);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    /// <summary>Refuses an RSA key too short for receivers to accept, or too long for them to be obliged to check
    /// (RFC 8301 §3.2), and otherwise wraps it. Takes ownership of <paramref name="rsa"/>.</summary>
    public static bool TryWrapRsa(RSA rsa, out DkimPrivateKey key, out string error)
    {
        key = null!;
        if (!DkimKeySizes.IsRsaSizeToSignWith(rsa.KeySize, out error))
        {
            rsa.Dispose();
            return false;
        }

        key = new RsaDkimPrivateKey(rsa);
        return true;
    }

    private static string NotAPrivateKey(string label) => label switch
    {
        "CERTIFICATE" or "TRUSTED CERTIFICATE" or "X509 CERTIFICATE" =>
            "the file holds a certificate, not a private key: DKIM needs the private key itself",
        "PUBLIC KEY" or "RSA PUBLIC KEY" =>
            "the file holds a public key: signing needs the private key it belongs to",
        "CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST" =>
            "the file holds a certificate signing request, not a private key",
        _ => $"the file holds a PEM block labelled \"{label}\", not a private key",
    };

    private static bool TryUnsupported(string label, string text, out string error)
    {
        error = label switch
        {
            "ENCRYPTED PRIVATE KEY" => $"the key is encrypted with a passphrase: {DecryptAdvice}",
            "EC PRIVATE KEY" => "the file holds an EC (ECDSA) key: DKIM signs with RSA or Ed25519 keys only",
            "DSA PRIVATE KEY" => "the file holds a DSA key: DKIM signs with RSA or Ed25519 keys only",
            "OPENSSH PRIVATE KEY" =>
                "the file holds an OpenSSH-format key: write the key as PEM instead (for RSA: ssh-keygen -p -m PKCS8 -f KEYFILE)",
            // RFC 1421 headers mark a legacy encrypted PEM block (openssl genrsa -aes256).
            _ when text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal) =>
                $"the key is encrypted with a passphrase: {DecryptAdvice}",
            _ => string.Empty,
        };
        return error.Length == 0;
    }

    private static bool TryDecode(string text, int index, string label, out byte[] der, out string error)
    {
        der = [];
        if (!PemEncoding.TryFind(text.AsSpan(index), out var fields) || text.AsSpan(index)[fields.Label].ToString() != label)
        {
            error = $"the \"{label}\" PEM block is damaged (no matching END line, or bad base64): the file may be truncated";
            return false;
        }

        der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(text.AsSpan(index)[fields.Base64Data], der, out _))
        {
            error = $"the \"{label}\" PEM block does not hold valid base64";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryReadPkcs1(byte[] der, out DkimPrivateKey key, out string error)
    {
        key = null!;
        var rsa = RSA.Create();
        try
        {
            rsa.ImportRSAPrivateKey(der, out int read);
            if (read == der.Length)
            {
                return TryWrapRsa(rsa, out key, out error);
            }
        }
        catch (CryptographicException)
        {
            // A damaged key is bad input, reported below as a value.
        }

        rsa.Dispose();
        error = "the \"RSA PRIVATE KEY\" block does not hold a PKCS#1 RSA private key (the file may be damaged)";
        return false;
    }

    [GeneratedRegex(@"-----BEGIN ([A-Z0-9 ]+)-----")]
    private static partial Regex BeginLine();
}
