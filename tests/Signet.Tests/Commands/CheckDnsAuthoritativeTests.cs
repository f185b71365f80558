using Signet.Testing;

namespace Signet.Tests.Commands;

/// <summary><c>signet check-dns</c> asks each authoritative server directly: two real nsd servers of one zone on
/// loopback, one still serving the old record.</summary>
[Trait("Tier", "Integration")]
public sealed class CheckDnsAuthoritativeTests : IDisposable
{
    private const string Zone = "example.test";
    private readonly TemporaryDirectory _temp = new();

    [Fact]
    public async Task CheckDns_OneServerStillServesTheOldKey_NamesItAndExitsOne()
    {
        string current = await KeyAsync("current.pem");
        string old = await KeyAsync("old.pem");
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [await LineAsync(current)], [await LineAsync(old)], CancellationToken.None);

        var run = await CheckAsync(servers, "--key", current);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"asked the authoritative servers of {Zone}: ns1.example.test (127.0.0.2:{servers.Port})", run.OutputText);
        Assert.Contains($"ns1.example.test (127.0.0.2:{servers.Port}): ok", run.OutputText);
        Assert.Contains($"ns2.example.test (127.0.0.3:{servers.Port}): old record", run.OutputText);
        Assert.Contains("not usable: s1._domainkey.example.test (ns2.example.test", run.OutputText);
    }

    [Fact]
    public async Task CheckDns_ServersDisagreeWithoutAKeyToCompare_SaysTheyDiffer()
    {
        string current = await KeyAsync("current.pem");
        string old = await KeyAsync("old.pem");
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [await LineAsync(current)], [await LineAsync(old)], CancellationToken.None);

        var run = await CheckAsync(servers);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ns2.example.test (127.0.0.3", run.OutputText);
        Assert.Contains(": differs", run.OutputText);
    }

    [Fact]
    public async Task CheckDns_EveryServerServesTheKey_ExitsZero()
    {
        string current = await KeyAsync("current.pem");
        string line = await LineAsync(current);
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [line], [line], CancellationToken.None);

        var run = await CheckAsync(servers, "--key", current);

        Assert.True(run.ExitCode == 0, run.OutputText + run.Error);
        Assert.Contains("ok: s1._domainkey.example.test is usable on every authoritative server", run.OutputText);
    }

    [Fact]
    public async Task CheckDns_OneServerBroken_SaysServfailForIt()
    {
        string current = await KeyAsync("current.pem");
        string line = await LineAsync(current);
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [line], [line], CancellationToken.None);
        await servers.Second.BreakZoneAsync(Zone, CancellationToken.None);

        var run = await CheckAsync(servers, "--key", current);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"ns2.example.test (127.0.0.3:{servers.Port}): SERVFAIL (SERVFAIL from", run.OutputText);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("53x")]
    public async Task CheckDns_AuthoritativePortNotAPort_ExitsTwo(string port)
    {
        var run = await CliRun.Run("check-dns", "--domain", Zone, "--authoritative-port", port);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--authoritative-port", run.Error);
    }

    public void Dispose() => _temp.Dispose();

    private static Task<CliRun> CheckAsync(AuthoritativeServerPair servers, params string[] more) =>
        CliRun.Run(["check-dns", "--domain", Zone, "--selector", "s1", "--resolver", servers.First.Endpoint.ToString(),
            "--authoritative-port", servers.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "1s", .. more]);

    private async Task<string> KeyAsync(string name)
    {
        string path = _temp.File(name);
        Assert.Equal(0, (await CliRun.Run("keygen", "--algorithm", "ed25519", "--out", path)).ExitCode);
        return path;
    }

    private static async Task<string> LineAsync(string key)
    {
        var run = await CliRun.Run("dns-record", "--key", key, "--domain", Zone, "--selector", "s1", "--format", "zone");
        return run.OutputText.Trim();
    }
}
