using System.Security.Cryptography;
using Signet.Testing;

namespace Signet.Tests.Commands;

/// <summary>Small traps of the command line: IDN domains, public key files for dns-record.</summary>
public sealed class CliInputTrapsTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    [Theory]
    [InlineData("rsa")]
    [InlineData("ed25519")]
    public async Task DnsRecord_PublicKeyFile_GivesTheSameRecordAsItsPrivateKey(string algorithm)
    {
        string privateKey = _temp.File("key.pem");
        Assert.Equal(0, (await CliRun.Run("keygen", "--algorithm", algorithm, "--out", privateKey)).ExitCode);
        var fromPrivate = await CliRun.Run("dns-record", "--key", privateKey, "--domain", "example.com");
        string publicKey = _temp.File("key.pub.pem");
        await File.WriteAllTextAsync(publicKey, PublicPem(fromPrivate.OutputText.Split('\n')[1]));

        var fromPublic = await CliRun.Run("dns-record", "--key", publicKey, "--domain", "example.com");

        Assert.True(fromPublic.ExitCode == 0, fromPublic.Error);
        Assert.Equal(fromPrivate.OutputText, fromPublic.OutputText);
    }

    [Theory]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "neither an RSA nor an Ed25519 key")]
    [InlineData("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n", "no PUBLIC KEY block")]
    public async Task DnsRecord_BrokenPublicKeyFile_ExitsTwoWithTheReason(string content, string reason)
    {
        string path = _temp.File("broken.pub.pem");
        await File.WriteAllTextAsync(path, content);

        var run = await CliRun.Run("dns-record", "--key", path, "--domain", "example.com");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error);
    }

    [Fact]
    public async Task DnsRecord_IdnDomain_IsWrittenInALabels()
    {
        string key = _temp.File("key.pem");
        Assert.Equal(0, (await CliRun.Run("keygen", "--algorithm", "ed25519", "--out", key)).ExitCode);

        var run = await CliRun.Run("dns-record", "--key", key, "--domain", "bücher.example", "--format", "zone");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("s1._domainkey.xn--bcher-kva.example.", run.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckDns_IdnDomain_LooksUpTheALabelName()
    {
        string key = _temp.File("key.pem");
        Assert.Equal(0, (await CliRun.Run("keygen", "--algorithm", "ed25519", "--out", key)).ExitCode);
        string zone = _temp.File("keys.zone");
        await File.WriteAllTextAsync(zone, (await CliRun.Run("dns-record", "--key", key, "--domain", "bücher.example", "--format", "zone")).OutputText);

        var run = await CliRun.Run("check-dns", "--domain", "BÜCHER.example", "--keys", zone, "--key", key);

        Assert.True(run.ExitCode == 0, run.OutputText + run.Error);
        Assert.Contains("ok: s1._domainkey.xn--bcher-kva.example is usable", run.OutputText);
    }

    [Fact]
    public async Task CheckDns_DomainThatIsNoName_ExitsTwo()
    {
        var run = await CliRun.Run("check-dns", "--domain", "bad_name..example", "--keys", _temp.File("none.zone"));

        Assert.Equal(2, run.ExitCode);
    }

    public void Dispose() => _temp.Dispose();

    // The record's p= is the key's SubjectPublicKeyInfo for RSA (RFC 6376 §3.6.1) and the raw 32 bytes for Ed25519
    // (RFC 8463 §4), which RFC 8410 §4 wraps with a fixed 12-byte prefix.
    private static string PublicPem(string recordValue)
    {
        string p = recordValue[(recordValue.IndexOf("p=", StringComparison.Ordinal) + 2)..].Trim();
        byte[] data = Convert.FromBase64String(p);
        byte[] spki = recordValue.Contains("k=ed25519", StringComparison.Ordinal)
            ? [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00, .. data]
            : data;
        return PemEncoding.WriteString("PUBLIC KEY", spki);
    }
}
