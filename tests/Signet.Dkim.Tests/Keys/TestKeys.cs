using System.Security.Cryptography;
using Signet.Dkim.Keys;

namespace Signet.Dkim.Tests.Keys;

/// <summary>Keys made once per test run (RSA generation is slow); tests only read them.</summary>
internal static class TestKeys
{
    private static readonly Lazy<DkimPrivateKey> LazyRsa1024 = new(() => DkimKeyGenerator.Generate(DkimKeyType.Rsa, 1024));
    private static readonly Lazy<DkimPrivateKey> LazyRsa2048 = new(() => DkimKeyGenerator.Generate(DkimKeyType.Rsa, 2048));
    private static readonly Lazy<DkimPrivateKey> LazyOtherRsa2048 = new(() => DkimKeyGenerator.Generate(DkimKeyType.Rsa, 2048));
    private static readonly Lazy<DkimPrivateKey> LazyRsa4096 = new(() => DkimKeyGenerator.Generate(DkimKeyType.Rsa, 4096));
    private static readonly Lazy<DkimPrivateKey> LazyEd25519 = new(() => DkimKeyGenerator.Generate(DkimKeyType.Ed25519));
    private static readonly Lazy<byte[]> LazyRsa512SubjectPublicKeyInfo = new(() =>
    {
        using var rsa = RSA.Create(512);
        return rsa.ExportSubjectPublicKeyInfo();
    });

    public static DkimPrivateKey Rsa1024 => LazyRsa1024.Value;

    public static DkimPrivateKey Rsa2048 => LazyRsa2048.Value;

    public static DkimPrivateKey OtherRsa2048 => LazyOtherRsa2048.Value;

    public static DkimPrivateKey Rsa4096 => LazyRsa4096.Value;

    public static DkimPrivateKey Ed25519 => LazyEd25519.Value;

    public static byte[] Rsa512SubjectPublicKeyInfo => LazyRsa512SubjectPublicKeyInfo.Value;

    public static DkimPrivateKey ByName(string name) => name switch
    {
        "rsa1024" => Rsa1024,
        "rsa2048" => Rsa2048,
        "rsa4096" => Rsa4096,
        "ed25519" => Ed25519,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The key records of tests/vectors/rfc/dns.txt by name, their strings joined.</summary>
    public static IReadOnlyDictionary<string, string> RfcRecords { get; } = ReadRfcRecords();

    private static Dictionary<string, string> ReadRfcRecords()
    {
        var records = new Dictionary<string, string>();
        foreach (string line in File.ReadLines(Signet.Testing.RepositoryPaths.Vector("rfc", "dns.txt")))
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
