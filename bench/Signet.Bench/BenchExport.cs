using System.Security.Cryptography;
using Signet.Dkim;
using Signet.Dkim.Keys;

namespace Signet.Bench;

/// <summary>Writes the benchmark's keys and messages to a folder, so harnesses for other implementations (a C
/// program over libopendkim, dkimpy, Mail::DKIM) measure the very same bytes:
/// <c>ALGORITHM.pem</c> (PKCS#8), <c>ALGORITHM.pkcs1.pem</c> (RSA only), <c>ALGORITHM.seed</c> (Ed25519 only, the
/// base64 seed), <c>ALGORITHM.txt</c> (the key record for s1._domainkey.example.com), <c>SIZE.eml</c> (unsigned)
/// and <c>SIZE.ALGORITHM.eml</c> (signed by Signet, what every verifier checks).</summary>
public static class BenchExport
{
    public static void WriteKey(string folder, string algorithm, DkimPrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string pem = key.ExportPkcs8Pem();
        File.WriteAllText(Path.Combine(folder, algorithm + ".pem"), pem + "\n");
        File.WriteAllText(Path.Combine(folder, algorithm + ".txt"), DkimKeyRecord.Format(key.PublicKey) + "\n");
        if (key.KeyType == DkimKeyType.Rsa)
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            File.WriteAllText(Path.Combine(folder, algorithm + ".pkcs1.pem"), rsa.ExportRSAPrivateKeyPem() + "\n");
        }
        else
        {
            // RFC 8410 §7: the seed is the last 32 bytes of the PKCS#8 structure (an OCTET STRING in an OCTET STRING).
            byte[] der = PemEncoding.TryFind(pem, out var fields) ? Convert.FromBase64String(pem[fields.Base64Data]) : [];
            File.WriteAllText(Path.Combine(folder, algorithm + ".seed"), Convert.ToBase64String(der.AsSpan(der.Length - 32)) + "\n");
            CryptographicOperations.ZeroMemory(der);
        }
    }

    public static void WriteMessages(string folder, string algorithm, string size, byte[] unsigned, byte[] signed)
    {
        File.WriteAllBytes(Path.Combine(folder, size + ".eml"), unsigned);
        File.WriteAllBytes(Path.Combine(folder, $"{size}.{algorithm}.eml"), signed);
    }

    /// <summary>The file-name form of a size label: "2 KB" becomes "2KB".</summary>
    public static string FileSize(string size) => size.Replace(" ", string.Empty, StringComparison.Ordinal);
}
