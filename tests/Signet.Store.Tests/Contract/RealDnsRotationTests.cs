using Signet.Dkim;
using Signet.Dns;
using Signet.Store.Model;
using Signet.Store.Tests.Support;
using Signet.Testing;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Contract;

/// <summary>A rotation as a user runs it: records published in a real authoritative server (nsd) on loopback.</summary>
[Collection(StoreTestGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class RealDnsRotationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Rotation_AgainstNsd_SwitchesOnceTheNewRecordIsServed()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync("example.com", ["www IN A 127.0.0.1"], Token);
        var source = new DnsTxtRecordSource(new DnsResolverOptions { Servers = [dns.Endpoint.ToString()], UseCache = false });
        await using var h = await StoreHarness.OpenAsync(await StoreHarness.NewOptionsAsync(Backend.Sqlite, postgres), source);
        var old = await h.AddDomainWithKeyAsync("example.com", "s1", DkimKeyType.Ed25519);
        Fails(await h.Store.ActivateKeyAsync(Admin, old.Id, false, Token), StoreErrorKind.Conflict);
        await dns.ReplaceZoneAsync("example.com", [Line(old)], Token);
        Ok(await h.Store.ActivateKeyAsync(Admin, old.Id, false, Token));

        var rotation = Ok(await h.Store.StartRotationAsync(Admin, old.Id, "s2", Token));
        Assert.Empty(Ok(await h.Store.AdvanceRotationsAsync(Admin, Token)));
        var next = Ok(await h.Store.GetKeyAsync(Admin, rotation.NewKeyId, Token));
        await dns.ReplaceZoneAsync("example.com", [Line(old), Line(next)], Token);
        Assert.Equal(RotationStep.Switched, Assert.Single(Ok(await h.Store.AdvanceRotationsAsync(Admin, Token))).Step);
        var snapshot = await h.Store.GetSigningSnapshotAsync(Token);
        Assert.Equal("s2", Assert.Single(snapshot.DomainKeys["example.com"]).Selector);
    }

    private static string Line(KeyEntry key) =>
        $"{key.Selector}._domainkey IN TXT \"{KeyRecords.ValueFor(key)}\"";
}
