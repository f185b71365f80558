using Signet.Dkim;
using Signet.Dns;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Store.Tests.Contract;

/// <summary>"Check DNS now" (the store's key check, which the console and the CLI call) asks the zone's authoritative
/// servers directly: two real nsd servers of one zone on loopback, one still serving the old record.</summary>
[Trait("Tier", "Integration")]
public sealed class AuthoritativeDnsCheckTests
{
    private const string Zone = "example.test";

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task CheckKeyDns_OneServerStillServesTheOldRecord_NamesItAndTheFixIsSeenAtOnce()
    {
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [], [], Token);
        await using var store = await OpenAsync(servers);
        var old = await AddKeyAsync(store, "s1");
        var current = await AddKeyAsync(store, "s2");
        string oldLine = $"s2._domainkey IN TXT \"{KeyRecords.ValueFor(old)}\"";
        string currentLine = $"s2._domainkey IN TXT \"{KeyRecords.ValueFor(current)}\"";
        await servers.ReplaceAsync(servers.First, [currentLine], Token);
        await servers.ReplaceAsync(servers.Second, [oldLine], Token);

        var split = (await store.CheckKeyDnsAsync(Actor.LocalAdministrator, current.Id, Token)).Value!.LastDnsCheck!;

        Assert.False(split.Matches);
        Assert.Contains("ns2.example.test (127.0.0.3:", split.Summary);
        Assert.Contains("still serves an old record", split.Summary);
        Assert.Contains("ns1.example.test (127.0.0.2:", split.Summary);
        Assert.Contains("serves this key", split.Summary);

        // The record's TTL is 300 s: a cached answer would still be the old one.
        await servers.ReplaceAsync(servers.Second, [currentLine], Token);
        var fixedCheck = (await store.CheckKeyDnsAsync(Actor.LocalAdministrator, current.Id, Token)).Value!.LastDnsCheck!;

        Assert.True(fixedCheck.Matches, fixedCheck.Summary);
        Assert.Contains("on every authoritative server", fixedCheck.Summary);
        Assert.Contains("ns1.example.test", fixedCheck.Summary);
        Assert.Contains("ns2.example.test", fixedCheck.Summary);
    }

    [Fact]
    public async Task CheckKeyDns_NoServerHasTheRecord_SaysNotFoundAndWhichServersWereAsked()
    {
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [], [], Token);
        await using var store = await OpenAsync(servers);
        var key = await AddKeyAsync(store, "s1");

        var check = (await store.CheckKeyDnsAsync(Actor.LocalAdministrator, key.Id, Token)).Value!.LastDnsCheck!;

        Assert.False(check.Matches);
        Assert.False(check.Published);
        Assert.Contains("no TXT record at s1._domainkey.example.test", check.Summary);
        Assert.Contains("asked ns", check.Summary);
    }

    private static async Task<SignetStore> OpenAsync(AuthoritativeServerPair servers)
    {
        var options = new StoreOptions
        {
            DataDirectory = Path.Combine(Directory.CreateTempSubdirectory("signet-store-").FullName, "data"),
            DnsResolver = new DnsResolverOptions
            {
                Servers = [servers.First.Endpoint.ToString()],
                AuthoritativePort = servers.Port,
                Timeout = TimeSpan.FromSeconds(1),
                Retries = 0,
            },
        };
        var opened = await SignetStore.OpenAsync(options, Token);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        return opened.Value!;
    }

    private static async Task<KeyEntry> AddKeyAsync(SignetStore store, string selector)
    {
        await store.AddDomainAsync(Actor.LocalAdministrator, Zone, Token);
        var key = await store.GenerateKeyAsync(Actor.LocalAdministrator, KeyOwner.ForDomain(Zone), new KeyGenerationRequest(selector, DkimKeyType.Ed25519), Token);
        Assert.True(key.Succeeded, key.Error?.Message);
        return key.Value!;
    }
}
