using Signet.Testing;
namespace Signet.Tests.Commands;

public class CheckDnsCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    [Fact]
    public async Task CheckDns_PublishedKeyMatches_ExitsZero()
    {
        string key = await NewKey("k.pem");
        string zone = await ZoneFor(key);

        var run = await CliRun.Run("check-dns", "--domain", "example.com", "--selector", "s1", "--key", key, "--keys", zone);

        Assert.True(run.ExitCode == 0, run.OutputText + run.Error);
        Assert.Contains("ok:", run.OutputText);
    }

    [Fact]
    public async Task CheckDns_PublishedKeyIsAnother_ExitsOne()
    {
        string zone = await ZoneFor(await NewKey("published.pem"));
        string mine = await NewKey("mine.pem");

        var run = await CliRun.Run("check-dns", "--domain", "example.com", "--selector", "s1", "--key", mine, "--keys", zone);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not usable", run.OutputText);
    }

    [Theory]
    [InlineData("s1._domainkey.example.com. IN TXT \"v=DKIM1; k=rsa; p=\"", "revoked")]
    [InlineData("other._domainkey.example.com. IN TXT \"v=DKIM1; p=\"", "")]
    public async Task CheckDns_BrokenRecord_ExitsOneAndSaysWhy(string zoneLine, string expected)
    {
        string zone = _temp.File("broken.zone");
        File.WriteAllText(zone, zoneLine + "\n");

        var run = await CliRun.Run("check-dns", "--domain", "example.com", "--selector", "s1", "--keys", zone);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error:", run.OutputText);
        Assert.Contains(expected, run.OutputText, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<string> NewKey(string name)
    {
        string path = _temp.File(name);
        Assert.Equal(0, (await CliRun.Run("keygen", "--out", path)).ExitCode);
        return path;
    }

    private async Task<string> ZoneFor(string key)
    {
        string zone = _temp.File(Path.GetFileName(key) + ".zone");
        File.WriteAllText(zone, (await CliRun.Run("dns-record", "--key", key, "--domain", "example.com", "--format", "zone")).OutputText);
        return zone;
    }
}
