using System.Globalization;
using Signet.Testing;

namespace Signet.Tests.Commands.Remote;

/// <summary><c>signet domain list --server-url</c> costs the server the same few requests whatever the number of
/// domains (each domain's signing status comes with the list), and prints what the same command prints on the store.</summary>
[Trait("Tier", "Integration")]
public sealed class RemoteDomainListRequestTests
{
    [Fact]
    public async Task DomainList_ThroughTheApi_MakesAsManyRequestsForTwentyDomainsAsForTwo_AndPrintsWhatTheStorePrints()
    {
        var two = await ListThroughTheApiAsync(2);
        var twenty = await ListThroughTheApiAsync(20);

        Assert.Equal(two, twenty);
        Assert.Equal((1, 1), two);
    }

    private static async Task<(int TextRequests, int JsonRequests)> ListThroughTheApiAsync(int domains)
    {
        using var temp = new TemporaryDirectory();
        string served = temp.File("served");
        string tokenFile = await RemoteOperator.SeedAsync(served);
        for (int i = 0; i < domains; i++)
        {
            await SeedDomainAsync(served, i);
        }

        await using var serve = await ServeProcess.StartAsync(served, ["--resolver", $"127.0.0.1:{LoopbackPorts.FindFreeTcpAndUdpPort()}"]);
        await using var proxy = await CountingProxy.StartAsync(new Uri($"http://127.0.0.1:{serve.HttpPort}/"));
        string[] remote = ["--server-url", proxy.Address.AbsoluteUri, "--token-file", tokenFile];

        var text = await CliRun.Run(["domain", "list", .. remote]);
        int textRequests = proxy.Requests;
        proxy.Reset();
        var json = await CliRun.Run(["domain", "list", "--json", .. remote]);
        int jsonRequests = proxy.Requests;
        var localText = await CliRun.Run("domain", "list", "--data", served);
        var localJson = await CliRun.Run("domain", "list", "--json", "--data", served);

        Assert.True(text.ExitCode == 0, text.Error);
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Equal(domains, Lines(localText.OutputText).Length);
        Assert.Equal(Lines(localText.OutputText), Lines(text.OutputText));
        Assert.Equal(localJson.OutputText, json.OutputText);
        return (textRequests, jsonRequests);
    }

    /// <summary>Domains in each state the list tells apart: no key, an active key, signing turned off, own subdomain keys.</summary>
    private static async Task SeedDomainAsync(string data, int index)
    {
        string domain = $"d{index.ToString("00", CultureInfo.InvariantCulture)}.example";
        await Succeed("domain", "add", "--domain", domain, "--data", data);
        if (index % 3 == 1)
        {
            await Succeed("key", "generate", "--domain", domain, "--selector", "s1", "--algorithm", "ed25519", "--data", data);
            await Succeed("key", "activate", "--domain", domain, "--selector", "s1", "--force", "--data", data);
        }

        if (index % 3 == 2)
        {
            await Succeed("domain", "set", "--domain", domain, "--signing", "off", "--data", data);
        }

        if (index % 4 == 0)
        {
            await Succeed("domain", "set", "--domain", domain, "--subdomains", "own", "--data", data);
        }
    }

    private static async Task Succeed(params string[] arguments)
    {
        var run = await CliRun.Run(arguments);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', arguments)}: {run.Error}");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
