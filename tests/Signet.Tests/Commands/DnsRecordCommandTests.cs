using Signet.Testing;
namespace Signet.Tests.Commands;

public class DnsRecordCommandTests
{
    [Theory]
    [InlineData("value")]
    [InlineData("quoted")]
    [InlineData("escaped")]
    public async Task DnsRecord_LineFormats_PrintNameThenValue(string format)
    {
        using var temp = new TemporaryDirectory();
        string key = temp.File("k.pem");
        Assert.Equal(0, (await CliRun.Run("keygen", "--out", key)).ExitCode);

        var run = await CliRun.Run("dns-record", "--key", key, "--domain", "Example.com.", "--format", format);

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputText.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("s1._domainkey.example.com", lines[0]);
        Assert.Contains("p=", lines[1]);
        if (format == "escaped")
        {
            Assert.Contains("\\;", lines[1]);
        }
        else
        {
            Assert.DoesNotContain("\\;", lines[1]);
        }
    }

    [Fact]
    public async Task DnsRecord_Zone_PrintsOneLine()
    {
        using var temp = new TemporaryDirectory();
        string key = temp.File("k.pem");
        await CliRun.Run("keygen", "--algorithm", "ed25519", "--out", key);

        var run = await CliRun.Run("dns-record", "--key", key, "--domain", "example.com", "--selector", "s2", "--format", "zone");

        Assert.StartsWith("s2._domainkey.example.com. 3600 IN TXT \"v=DKIM1;", run.OutputText);
        Assert.Single(run.OutputText.TrimEnd('\n').Split('\n'));
        Assert.Contains("k=ed25519", run.OutputText);
    }

    [Fact]
    public async Task DnsRecord_UnreadableKey_ExitsTwoNamingTheFile()
    {
        using var temp = new TemporaryDirectory();
        string key = temp.File("k.pem");
        File.WriteAllText(key, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        var run = await CliRun.Run("dns-record", "--key", key, "--domain", "example.com");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(key, run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }
}
