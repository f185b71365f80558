using System.Security.Cryptography;
using Signet.Dkim;
using Signet.Dkim.Keys;

namespace Signet.Testing;

/// <summary>Keys generated once per test run and shared: RSA generation, 4096 bits above all, is slow.</summary>
public static class TestKeys
{
    private static readonly Lazy<DkimPrivateKey> Rsa1024Key = new(() => DkimKeyGenerator.Generate(DkimKeyType.Rsa, 1024));
    private static readonly Lazy<DkimPrivateKey> Rsa2048Key = new(() => DkimKeyGenerator.Generate(DkimKeyType.Rsa, 2048));
    private static readonly Lazy<DkimPrivateKey> Rsa4096Key = new(() => DkimKeyGenerator.Generate(DkimKeyType.Rsa, 4096));
    private static readonly Lazy<DkimPrivateKey> Ed25519Key = new(() => DkimKeyGenerator.Generate(DkimKeyType.Ed25519));
    private static readonly Lazy<DkimPrivateKey> OtherRsaKey = new(() => DkimKeyGenerator.Generate(DkimKeyType.Rsa, 2048));
    private static readonly Lazy<byte[]> Rsa512SubjectPublicKeyInfoBytes = new(() =>
    {
        using var rsa = RSA.Create(512);
        return rsa.ExportSubjectPublicKeyInfo();
    });

    public static DkimPrivateKey Rsa1024 => Rsa1024Key.Value;

    public static DkimPrivateKey Rsa2048 => Rsa2048Key.Value;

    public static DkimPrivateKey Rsa4096 => Rsa4096Key.Value;

    public static DkimPrivateKey Ed25519 => Ed25519Key.Value;

    /// <summary>A second RSA key, for "signed with another key" cases.</summary>
    public static DkimPrivateKey OtherRsa => OtherRsaKey.Value;

    /// <summary>Looks a key up by a short name used in test data: rsa1024, rsa2048, rsa4096, ed25519.</summary>
    public static DkimPrivateKey Named(string name) => name switch
    {
        "rsa1024" => Rsa1024,
        "rsa2048" => Rsa2048,
        "rsa4096" => Rsa4096,
        "ed25519" => Ed25519,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown test key"),
    };

    /// <summary>An RSA 512 public key (SubjectPublicKeyInfo), too short for DKIM (RFC 8301): for refusal cases.</summary>
    public static byte[] Rsa512SubjectPublicKeyInfo => Rsa512SubjectPublicKeyInfoBytes.Value;

    /// <summary>The key records of tests/vectors/rfc/dns.txt by name, their strings joined.</summary>
    public static IReadOnlyDictionary<string, string> RfcRecords { get; } = ReadRfcRecords();

    private static Dictionary<string, string> ReadRfcRecords()
    {
        var records = new Dictionary<string, string>();
        foreach (string line in File.ReadLines(RepositoryPaths.Vector("rfc", "dns.txt")))
        {
            if (line.StartsWith(';') || !line.Contains(" IN TXT ", StringComparison.Ordinal))
            {
                continue;
            }

            string name = line[..line.IndexOf(' ', StringComparison.Ordinal)];
            string strings = line[(line.IndexOf(" IN TXT ", StringComparison.Ordinal) + 8)..];
            records[name] = string.Concat(strings.Split('"').Where((_, i) => i % 2 == 1));
        }

        return records;
    }
}
