using Signet.Store;
using Signet.Store.Access;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>The host name given at start is the server-wide d=, on the first start and on later ones; a single label
/// is refused. A real <c>signet serve</c> process.</summary>
[Trait("Tier", "Integration")]
public sealed class ServeHostNameTests
{
    [Fact]
    public async Task Serve_HostNameGivenAtStart_IsStoredAndAChangeOnALaterStartIsLogged()
    {
        using var data = new TemporaryDirectory();
        await using (var first = await ServeProcess.StartAsync(data.Path, ["--hostname", "Mail.Example.NET"]))
        {
            Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.Equal("mail.example.net", await StoredHostNameAsync(data.Path));

        await using (var second = await ServeProcess.StartAsync(data.Path, [], new Dictionary<string, string> { ["SIGNET_HOSTNAME"] = "relay.example.org" }))
        {
            Assert.Equal(0, await second.StopAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains("Host name set to relay.example.org as given at start (it was mail.example.net)", second.Output, StringComparison.Ordinal);
        }

        Assert.Equal("relay.example.org", await StoredHostNameAsync(data.Path));
    }

    [Fact]
    public async Task Serve_SingleLabelHostName_IsRefusedWithTheReason()
    {
        using var data = new TemporaryDirectory();

        var (code, output, error) = await ServeProcess.RunToEndAsync(["serve", "--data", data.Path, "--hostname", "vm"]);

        Assert.True(code == 2, $"exit {code}\nstdout:\n{output}\nstderr:\n{error}");
        Assert.Contains("--hostname vm: \"vm\" is not a domain name: it needs at least two labels", error, StringComparison.Ordinal);
    }

    private static async Task<string> StoredHostNameAsync(string dataDirectory)
    {
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = dataDirectory }, CancellationToken.None);
        await using var store = opened.Value ?? throw new InvalidOperationException(opened.Error!.Message);
        var settings = await store.GetServerSettingsAsync(Actor.LocalAdministrator, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return settings.Value!.HostName;
    }
}
