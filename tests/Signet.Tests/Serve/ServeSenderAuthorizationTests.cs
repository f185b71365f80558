using System.Globalization;
using System.Net;
using System.Text;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>Relay AUTH decides which domains a user may sign for: swaks, authenticated as the domain admin of
/// alpha.test, gets alpha.test mail signed and beta.test mail refused with 550 5.7.1 (or passed on unsigned when so
/// configured), against <c>signet serve</c> with its real store.</summary>
[Trait("Tier", "Integration")]
public sealed class ServeSenderAuthorizationTests
{
    private const string Swaks = "/usr/bin/swaks";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task RelayAuth_DomainAdminSendingAsAnotherDomain_IsRefusedWith550AndNothingLeaves()
    {
        await using var world = await StartAsync([]);

        var (exitCode, output) = await SwaksAsync(world, "alice", "ceo@beta.test");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("550 5.7.1", output, StringComparison.Ordinal);
        Assert.Contains("beta.test is not one of them", output, StringComparison.Ordinal);
        Assert.Empty(world.Sink.Messages);
    }

    [Fact]
    public async Task RelayAuth_DomainAdminSendingForTheirOwnDomain_IsSignedAligned()
    {
        await using var world = await StartAsync([]);

        var (exitCode, output) = await SwaksAsync(world, "alice", "news@alpha.test");

        Assert.True(exitCode == 0, output + world.Serve.Output);
        var received = Assert.Single(await world.Sink.WaitForAsync(1, TimeSpan.FromSeconds(30)));
        Assert.StartsWith("DKIM-Signature:", received.Text, StringComparison.Ordinal);
        Assert.Contains("d=alpha.test;", received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelayAuth_ServerAdmin_MaySendForAnyDomain()
    {
        await using var world = await StartAsync([]);

        var (exitCode, output) = await SwaksAsync(world, "root", "ceo@beta.test");

        Assert.True(exitCode == 0, output + world.Serve.Output);
        var received = Assert.Single(await world.Sink.WaitForAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Contains("d=beta.test;", received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelayAuth_PassUnsignedConfigured_RelaysTheForeignMailWithoutASignature()
    {
        await using var world = await StartAsync(["--unauthorized-sender", "PassUnsigned"]);

        var (exitCode, output) = await SwaksAsync(world, "alice", "ceo@beta.test");

        Assert.True(exitCode == 0, output + world.Serve.Output);
        var received = Assert.Single(await world.Sink.WaitForAsync(1, TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain("DKIM-Signature:", received.Text, StringComparison.Ordinal);
    }

    private static async Task<World> StartAsync(IReadOnlyList<string> arguments)
    {
        if (!File.Exists(Swaks))
        {
            Assert.Fail("swaks is not installed: apt-get install swaks");
        }

        var data = new TemporaryDirectory();
        await ServeKeys.SetUpAsync(data.Path, ["alpha.test", "beta.test"], serverKey: false);
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = data.Path }, CancellationToken.None);
        await using (var store = opened.Value ?? throw new InvalidOperationException(opened.Error!.Message))
        {
            Assert.True((await store.AddUserAsync(Actor.LocalAdministrator, "alice", UserRole.DomainAdmin, Password, ["alpha.test"], CancellationToken.None)).Succeeded);
            Assert.True((await store.AddUserAsync(Actor.LocalAdministrator, "root", UserRole.ServerAdmin, Password, [], CancellationToken.None)).Succeeded);
        }

        var sink = SmtpSink.Start();
        int relayPort = LoopbackPorts.FindFreeTcpAndUdpPort();
        var environment = new Dictionary<string, string>
        {
            ["SIGNET_RELAY__AUTHENTICATION"] = "true",
            // AUTH without STARTTLS is allowed for this loopback listener only.
            ["SIGNET_RELAY__AUTHENTICATIONREQUIRESTLS"] = "false",
        };
        var serve = await ServeProcess.StartAsync(data.Path,
            ["--hostname", ServeKeys.HostName, "--relay", $"127.0.0.1:{relayPort}", "--next-hop", sink.Endpoint.ToString(), .. arguments], environment);
        return new World(data, sink, serve, relayPort);
    }

    private static async Task<(int ExitCode, string Output)> SwaksAsync(World world, string user, string from)
    {
        string message = $"From: {from}\r\nTo: bob@example.net\r\nSubject: authorization\r\nDate: Sat, 28 Nov 2026 10:00:00 +0000\r\nMessage-ID: <{Guid.NewGuid():N}@signet.test>\r\n\r\nHello.\r\n.\r\n";
        string file = world.Data.File("message.eml");
        await File.WriteAllBytesAsync(file, Encoding.ASCII.GetBytes(message));
        return await ExternalTools.RunAsync(Swaks, TimeSpan.FromSeconds(60),
            "--server", "127.0.0.1", "--port", world.RelayPort.ToString(CultureInfo.InvariantCulture),
            "--auth", "PLAIN", "--auth-user", user, "--auth-password", Password,
            "--from", from, "--to", "bob@example.net", "--data", file, "--helo", "client.signet.test");
    }

    private sealed record World(TemporaryDirectory Data, SmtpSink Sink, ServeProcess Serve, int RelayPort) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Serve.DisposeAsync();
            await Sink.DisposeAsync();
            Data.Dispose();
        }
    }
}
