using System.Text;
using Signet.Dkim;
using Signet.Dns;
using Signet.Dns.Authoritative;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Rotation;
using Signet.Testing;

namespace Signet.Store.Tests.Rotation;

/// <summary>Hands-off rotation against a real Knot primary (updated by Signet with TSIG) and a real Knot secondary
/// that lags (no NOTIFY): a clock the test moves stands in for the months between steps.</summary>
[Trait("Tier", "Integration")]
public sealed class AutomaticRotationKnotTests
{
    private const string Zone = "example.com";
    private static readonly Actor Admin = Actor.LocalAdministrator;

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task FullRotation_ActivatesOnlyWhenBothServersServe_KeepsOldRecordForTheOverlap_ThenRevokesAndRemovesIt()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        await using var store = await OpenAsync(pair, clock);
        await ConfigureAsync(store, pair, pair.PrimaryServer.Secret);
        var driver = new AutomaticRotationDriver(store, clock, "node-a");

        // Round 1: the first key is generated and published; the secondary does not serve it yet, so it waits.
        await driver.AdvanceAsync(Token);
        var first = Assert.Single(await KeysAsync(store));
        Assert.Equal((KeyState.Pending, "s202612"), (first.State, first.Selector));
        Assert.Equal(KeyRecords.ValueFor(first), await ServedAsync(pair, first, KnotZonePair.PrimaryAddress));
        Assert.Contains("ns2.example.com", (await StatusAsync(store)).Step, StringComparison.Ordinal);

        // The secondary catches up: the next round activates it.
        await pair.CatchUpAsync(Token);
        await Eventually.Until(async () => await ServedAsync(pair, first, KnotZonePair.SecondaryAddress) == KeyRecords.ValueFor(first), "ns2 serves s202612");
        await driver.AdvanceAsync(Token);
        Assert.Equal(KeyState.Active, (await KeyAsync(store, first.Id)).State);

        // 30 days on: a new key under s202701, published; the old one keeps signing until both servers serve the new.
        clock.Advance(TimeSpan.FromDays(30));
        await driver.AdvanceAsync(Token);
        var second = Assert.Single(await KeysAsync(store), k => k.Id != first.Id);
        Assert.Equal((KeyState.Pending, "s202701"), (second.State, second.Selector));
        Assert.Equal(KeyState.Active, (await KeyAsync(store, first.Id)).State);
        await pair.CatchUpAsync(Token);
        await Eventually.Until(async () => await ServedAsync(pair, second, KnotZonePair.SecondaryAddress) == KeyRecords.ValueFor(second), "ns2 serves s202701");
        await driver.AdvanceAsync(Token);
        Assert.Equal(KeyState.Active, (await KeyAsync(store, second.Id)).State);
        Assert.Equal(KeyState.Retiring, (await KeyAsync(store, first.Id)).State);

        // Within the overlap the old record stays as it was.
        clock.Advance(TimeSpan.FromDays(6));
        await driver.AdvanceAsync(Token);
        Assert.Equal(KeyRecords.ValueFor(first), await ServedAsync(pair, first, KnotZonePair.PrimaryAddress));

        // After the overlap: revoked (p= empty), then after the revoked record's lifetime: removed, private key destroyed.
        clock.Advance(TimeSpan.FromDays(1));
        await driver.AdvanceAsync(Token);
        Assert.Equal(KeyState.Revoked, (await KeyAsync(store, first.Id)).State);
        Assert.Equal(KeyRecords.RevokedValue, await ServedAsync(pair, first, KnotZonePair.PrimaryAddress));
        clock.Advance(TimeSpan.FromDays(2));
        await driver.AdvanceAsync(Token);
        Assert.Equal("(NotFound)", await ServedAsync(pair, first, KnotZonePair.PrimaryAddress));
        Assert.DoesNotContain(await KeysAsync(store), k => k.Id == first.Id);
        Assert.Equal(KeyRecords.ValueFor(second), await ServedAsync(pair, second, KnotZonePair.PrimaryAddress));

        var audit = (await store.ListAuditAsync(Admin, 200, Token)).Value!;
        Assert.Contains(audit, a => a.Action == "rotation.step" && a.Detail.Contains("destroyed its private key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongSecret_StopsBeforeAnyKeySigns_SaysBadsig_AndBacksOff()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        await using var store = await OpenAsync(pair, clock);
        await ConfigureAsync(store, pair, Enumerable.Repeat((byte)9, 32).ToArray());
        var driver = new AutomaticRotationDriver(store, clock, "node-a");

        await driver.AdvanceAsync(Token);

        var status = await StatusAsync(store);
        Assert.Contains("BADSIG", status.LastFailure, StringComparison.Ordinal);
        Assert.Contains("keeps signing", status.LastFailure, StringComparison.Ordinal);
        Assert.Equal(1, status.Attempts);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), status.NextAttemptAt);
        Assert.All(await KeysAsync(store), k => Assert.Equal(KeyState.Pending, k.State));

        // Before the back-off ends nothing is tried; after it, the same step is tried again and fails again.
        await driver.AdvanceAsync(Token);
        Assert.Equal(1, (await StatusAsync(store)).Attempts);
        clock.Advance(TimeSpan.FromMinutes(2));
        await driver.AdvanceAsync(Token);
        Assert.Equal(2, (await StatusAsync(store)).Attempts);
        Assert.Single(await KeysAsync(store));
    }

    [Fact]
    public async Task PrimaryDownMidRotation_OldKeyKeepsSigning_AndTheRotationResumesWhenItIsBack()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        await using var store = await OpenAsync(pair, clock);
        await ConfigureAsync(store, pair, pair.PrimaryServer.Secret);
        var driver = new AutomaticRotationDriver(store, clock, "node-a");
        await driver.AdvanceAsync(Token);
        await pair.CatchUpAsync(Token);
        var first = Assert.Single(await KeysAsync(store));
        await Eventually.Until(async () => await ServedAsync(pair, first, KnotZonePair.SecondaryAddress) == KeyRecords.ValueFor(first), "ns2 serves the first key");
        await driver.AdvanceAsync(Token);
        Assert.Equal(KeyState.Active, (await KeyAsync(store, first.Id)).State);

        await pair.PrimaryServer.StopAsync();
        clock.Advance(TimeSpan.FromDays(30));
        await driver.AdvanceAsync(Token);

        Assert.Equal(KeyState.Active, (await KeyAsync(store, first.Id)).State);
        var stopped = await StatusAsync(store);
        Assert.Contains("no answer", stopped.LastFailure, StringComparison.Ordinal);
        var second = Assert.Single(await KeysAsync(store), k => k.Id != first.Id);
        Assert.Equal(KeyState.Pending, second.State);

        await pair.PrimaryServer.StartAsync(Token);
        clock.Advance(TimeSpan.FromMinutes(2));
        await driver.AdvanceAsync(Token);
        await pair.CatchUpAsync(Token);
        await Eventually.Until(async () => await ServedAsync(pair, second, KnotZonePair.SecondaryAddress) == KeyRecords.ValueFor(second), "ns2 serves the second key");
        await driver.AdvanceAsync(Token);
        Assert.Equal(KeyState.Active, (await KeyAsync(store, second.Id)).State);
        Assert.Equal(KeyState.Retiring, (await KeyAsync(store, first.Id)).State);
        Assert.Null((await StatusAsync(store)).LastFailure);
    }

    [Fact]
    public async Task KilledAfterEachDnsChange_BeforeTheStoreRecordedIt_TheNextProcessFinishesTheStep()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var options = Options(pair);
        var store = await OpenAsync(options, clock);
        await ConfigureAsync(store, pair, pair.PrimaryServer.Secret);
        var dns = new Dns.Publishing.Rfc2136Publisher(new Dns.Publishing.Rfc2136PublisherSettings
        {
            Primary = pair.PrimaryServer.Endpoint, Zone = Zone, KeyName = pair.PrimaryServer.KeyName, Secret = pair.PrimaryServer.Secret,
        }, TimeProvider.System);

        // Each "process" is a new store and driver on the same data; the one before it died right after its DNS change.
        async Task<SignetStore> RestartAsync(SignetStore old)
        {
            await old.DisposeAsync();
            var reopened = await OpenAsync(options, clock);
            await new AutomaticRotationDriver(reopened, clock, $"node-{Guid.NewGuid():N}").AdvanceAsync(Token);
            return reopened;
        }

        var first = await BringToActiveAsync(store, pair, clock);
        clock.Advance(TimeSpan.FromDays(30));
        var second = (await store.GenerateKeyAsync(Admin, KeyOwner.ForDomain(Zone), new KeyGenerationRequest("s202701", Dkim.DkimKeyType.Ed25519), Token)).Value!;

        // Died after publishing the new record: the next process finds it published, and activates once ns2 has it.
        Assert.True((await dns.PublishAsync(second.RecordName, KeyRecords.ValueFor(second), Token)).Succeeded);
        await pair.CatchUpAsync(Token);
        await Eventually.Until(async () => await ServedAsync(pair, second, KnotZonePair.SecondaryAddress) == KeyRecords.ValueFor(second), "ns2 serves s202701");
        store = await RestartAsync(store);
        Assert.Equal((KeyState.Active, KeyState.Retiring), ((await KeyAsync(store, second.Id)).State, (await KeyAsync(store, first.Id)).State));

        // Died after publishing the revoked record, before revoking the key in the store.
        clock.Advance(TimeSpan.FromDays(7));
        Assert.True((await dns.ReplaceAsync(first.RecordName, KeyRecords.RevokedValue, Token)).Succeeded);
        store = await RestartAsync(store);
        Assert.Equal(KeyState.Revoked, (await KeyAsync(store, first.Id)).State);
        Assert.Equal(KeyRecords.RevokedValue, await ServedAsync(pair, first, KnotZonePair.PrimaryAddress));

        // Died after removing the record, before destroying the private key.
        clock.Advance(TimeSpan.FromDays(2));
        Assert.True((await dns.UnpublishAsync(first.RecordName, Token)).Succeeded);
        store = await RestartAsync(store);
        Assert.DoesNotContain(await KeysAsync(store), k => k.Id == first.Id);
        Assert.Null((await StatusAsync(store)).LastFailure);
        Assert.Equal(KeyRecords.ValueFor(second), await ServedAsync(pair, second, KnotZonePair.PrimaryAddress));
        await store.DisposeAsync();
    }

    private static async Task<KeyEntry> BringToActiveAsync(SignetStore store, KnotZonePair pair, ManualTimeProvider clock)
    {
        var driver = new AutomaticRotationDriver(store, clock, "node-a");
        await driver.AdvanceAsync(Token);
        var key = Assert.Single(await KeysAsync(store));
        await pair.CatchUpAsync(Token);
        await Eventually.Until(async () => await ServedAsync(pair, key, KnotZonePair.SecondaryAddress) == KeyRecords.ValueFor(key), "ns2 serves the first key");
        await driver.AdvanceAsync(Token);
        Assert.Equal(KeyState.Active, (await KeyAsync(store, key.Id)).State);
        return key;
    }

    private static async Task<SignetStore> OpenAsync(KnotZonePair pair, TimeProvider clock) => await OpenAsync(Options(pair), clock);

    private static async Task<SignetStore> OpenAsync(StoreOptions options, TimeProvider clock)
    {
        var opened = await SignetStore.OpenAsync(options, null, clock, Token);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        return opened.Value!;
    }

    private static StoreOptions Options(KnotZonePair pair)
    {
        var options = new StoreOptions
        {
            DataDirectory = Path.Combine(Directory.CreateTempSubdirectory("signet-store-").FullName, "data"),
            DnsResolver = new DnsResolverOptions
            {
                Servers = [pair.PrimaryServer.Endpoint.ToString()], AuthoritativePort = pair.Port, Timeout = TimeSpan.FromSeconds(1), Retries = 0,
            },
        };
        return options;
    }

    private static async Task ConfigureAsync(SignetStore store, KnotZonePair pair, byte[] secret)
    {
        Assert.True((await store.AddDomainAsync(Admin, Zone, Token)).Succeeded);
        var added = await store.AddPublisherAsync(Admin,
            new PublisherRequest("knot", pair.PrimaryServer.Endpoint.ToString(), Zone, pair.PrimaryServer.KeyName, Convert.ToBase64String(secret)), Token);
        Assert.True(added.Succeeded, added.Error?.Message);
        var set = await store.SetRotationSettingsAsync(Admin, Zone, new DomainRotationSettings
        {
            Publisher = "knot", Interval = TimeSpan.FromDays(30), KeyKinds = RotationKeyKinds.Ed25519, Overlap = TimeSpan.FromDays(7),
            RevokedRecordLifetime = TimeSpan.FromDays(2),
        }, Token);
        Assert.True(set.Succeeded, set.Error?.Message);
    }

    private static async Task<IReadOnlyList<KeyEntry>> KeysAsync(SignetStore store) =>
        (await store.ListKeysAsync(Admin, KeyOwner.ForDomain(Zone), Token)).Value!;

    private static async Task<KeyEntry> KeyAsync(SignetStore store, Guid id) => (await store.GetKeyAsync(Admin, id, Token)).Value!;

    private static async Task<AutomaticRotationStatus> StatusAsync(SignetStore store) => (await store.GetRotationStatusAsync(Admin, Zone, Token)).Value!;

    private static async Task<string> ServedAsync(KnotZonePair pair, KeyEntry key, System.Net.IPAddress server)
    {
        var lookup = new AuthoritativeTxtLookup(new DnsResolverOptions
        {
            Servers = [pair.SecondaryServer.Endpoint.ToString()], AuthoritativePort = pair.Port, Timeout = TimeSpan.FromSeconds(1), Retries = 0,
        });
        var answers = await lookup.LookupAsync(key.RecordName, Token);
        var answer = answers.Answers.Single(a => a.Endpoint.Address.Equals(server));
        return answer.Outcome == AuthoritativeServerOutcome.Answered
            ? string.Concat(answer.Lookup.Records.Single().Strings.Select(s => Encoding.ASCII.GetString(s)))
            : $"({answer.Outcome})";
    }
}
