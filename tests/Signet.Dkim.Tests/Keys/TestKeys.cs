using System.Security.Cryptography;
using Signet.Dkim.Keys;

namespace Signet.Dkim.Tests.Keys;

/// <summary>Keys made once per test run (RSA generation is slow); tests only read them.</summary>
internal static class TestKeys
{
    private static readonly Lazy<byte[]> LazyRsa512SubjectPublicKeyInfo = new(() =>
    {
        using var rsa = RSA.Create(512);
        return rsa.ExportSubjectPublicKeyInfo();
    });

    // The generated keys are shared with every other test of the run: RSA 4096 generation takes seconds.
    public static DkimPrivateKey Rsa1024 => Signet.Testing.TestKeys.Rsa1024;

    public static DkimPrivateKey Rsa2048 => Signet.Testing.TestKeys.Rsa2048;

    public static DkimPrivateKey OtherRsa2048 => Signet.Testing.TestKeys.OtherRsa;

    public static DkimPrivateKey Rsa4096 => Signet.Testing.TestKeys.Rsa4096;

    public static DkimPrivateKey Ed25519 => Signet.Testing.TestKeys.Ed25519;

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
