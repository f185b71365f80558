using Signet.Dns;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Rotation;
using Signet.Store.Tests.Support;
using Signet.Testing;

namespace Signet.Store.Tests.Rotation;

/// <summary>Two nodes on one PostgreSQL, each with its own store and driver, advancing the same domain at the same
/// time against a real Knot primary and secondary: each step is taken once, never twice.</summary>
[Collection(StoreTestGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class AutomaticRotationTwoNodeTests(PostgresFixture postgres)
{
    private const string Zone = "example.com";
    private static readonly Actor Admin = Actor.LocalAdministrator;

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task TwoNodesAdvancingAtOnce_GenerateOneKey_AndActivateItOnce()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var resolver = new DnsResolverOptions
        {
            Servers = [pair.PrimaryServer.Endpoint.ToString()], AuthoritativePort = pair.Port, Timeout = TimeSpan.FromSeconds(1), Retries = 0,
        };
        var options = (await StoreHarness.NewOptionsAsync(Backend.Postgres, postgres)) with { DnsResolver = resolver };
        await using var first = await OpenAsync(options, clock);
        var secondOptions = options with
        {
            DataDirectory = Path.Combine(Path.GetDirectoryName(options.DataDirectory)!, "node2"),
            MasterKey = (await File.ReadAllTextAsync(options.MasterKeyPath)).Trim(),
        };
        await using var second = await OpenAsync(secondOptions, clock);
        Assert.True((await first.AddDomainAsync(Admin, Zone, Token)).Succeeded);
        Assert.True((await first.AddPublisherAsync(Admin, new PublisherRequest("knot", pair.PrimaryServer.Endpoint.ToString(), Zone,
            pair.PrimaryServer.KeyName, Convert.ToBase64String(pair.PrimaryServer.Secret)), Token)).Succeeded);
        Assert.True((await first.SetRotationSettingsAsync(Admin, Zone, new DomainRotationSettings
        {
            Publisher = "knot", Interval = TimeSpan.FromDays(30), KeyKinds = RotationKeyKinds.Ed25519,
        }, Token)).Succeeded);
        var nodes = new[] { new AutomaticRotationDriver(first, clock, "node-a"), new AutomaticRotationDriver(second, clock, "node-b") };

        for (int round = 0; round < 5; round++)
        {
            await Task.WhenAll(nodes.Select(n => Task.Run(() => n.AdvanceAsync(Token))));
        }

        var key = Assert.Single((await second.ListKeysAsync(Admin, KeyOwner.ForDomain(Zone), Token)).Value!);
        Assert.Equal(KeyState.Pending, key.State);

        await pair.CatchUpAsync(Token);
        await Eventually.Until(async () =>
        {
            await Task.WhenAll(nodes.Select(n => Task.Run(() => n.AdvanceAsync(Token))));
            return (await first.GetKeyAsync(Admin, key.Id, Token)).Value!.State == KeyState.Active;
        }, "a node activates the key once the secondary serves it");

        var audit = (await first.ListAuditAsync(Admin, 500, Token)).Value!;
        Assert.Single(audit, a => a.Action == "key.generate");
        Assert.Single(audit, a => a.Action == "rotation.step" && a.Detail.StartsWith("generated", StringComparison.Ordinal));
        Assert.Single(audit, a => a.Action == "key.activate");
        Assert.DoesNotContain(audit, a => a.Action == "rotation.failed");
    }

    private static async Task<SignetStore> OpenAsync(StoreOptions options, TimeProvider clock)
    {
        var opened = await SignetStore.OpenAsync(options, null, clock, Token);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        return opened.Value!;
    }
}
