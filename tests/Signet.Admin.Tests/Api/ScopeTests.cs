using System.Net;
using System.Text.Json;
using Signet.Admin.Tests.Support;

namespace Signet.Admin.Tests.Api;

/// <summary>What lists show a domain admin, the server settings' alignment warning, tokens and DNS formats.</summary>
public sealed class ScopeTests
{
    [Fact]
    public async Task DomainAdmin_Lists_ShowNothingOfAnotherDomain()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var olga = world.Client(Role.OtherDomainAdmin);
        string domains = await olga.GetStringAsync(new Uri("/api/domains", UriKind.Relative));
        Assert.Equal(["theirs.example"], JsonDocument.Parse(domains).RootElement.EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        string users = await olga.GetStringAsync(new Uri("/api/users", UriKind.Relative));
        Assert.Equal(["olga"], JsonDocument.Parse(users).RootElement.EnumerateArray().Select(u => u.GetProperty("name").GetString()));
        string audit = await olga.GetStringAsync(new Uri("/api/audit", UriKind.Relative));
        Assert.DoesNotContain("mine.example", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerSettings_SayServerSignaturesAreNotAligned()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.ServerAdmin);
        using var response = await client.PatchAsync(new Uri("/api/server", UriKind.Relative), JsonBody.Of("""{"hostName":"relay.example.net","serverSigningEnabled":true}"""));
        var settings = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("relay.example.net", settings.GetProperty("hostName").GetString());
        Assert.Contains("NOT aligned", settings.GetProperty("alignment").GetString(), StringComparison.Ordinal);
        Assert.Contains("d=relay.example.net", settings.GetProperty("alignment").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatedToken_IsShownOnce_AndActsAsItsUser()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var dana = world.Client(Role.OwnDomainAdmin);
        using var created = await dana.PostAsync(new Uri("/api/tokens", UriKind.Relative), JsonBody.Of("""{"description":"ci"}"""));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        string token = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        Assert.StartsWith("sgt_", token, StringComparison.Ordinal);
        using var client = world.Host.Client(token);
        string domains = await client.GetStringAsync(new Uri("/api/domains", UriKind.Relative));
        Assert.Contains("mine.example", domains, StringComparison.Ordinal);
        Assert.DoesNotContain(token, await world.Client(Role.ServerAdmin).GetStringAsync(new Uri("/api/audit", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("value", "v=DKIM1; k=ed25519; p=")]
    [InlineData("quoted", "\"v=DKIM1; k=ed25519; p=")]
    [InlineData("escaped", "\"v=DKIM1\\; k=ed25519\\; p=")]
    [InlineData("zone", "s1._domainkey.mine.example. 3600 IN TXT")]
    [InlineData("json", "\"name\":")]
    public async Task DnsRecord_InEachFormat(string format, string expected)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.OwnDomainAdmin);
        string text = await client.GetStringAsync(new Uri(world.Resolve($"/api/domains/mine.example/keys/{{active}}/dns?format={format}"), UriKind.Relative));
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DnsCheck_PublishedRecord_MatchesAndActivatesWithoutForce()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        var pending = ApiWorld.Ok(await world.Store.GetKeyAsync(ApiWorld.Admin, world.Ids["pending"], CancellationToken.None));
        using var client = world.Client(Role.OwnDomainAdmin);
        using var missing = await client.PostAsync(new Uri(world.Resolve("/api/domains/mine.example/keys/{pending}/dns/check"), UriKind.Relative), null);
        var status = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("check");
        Assert.False(status.GetProperty("published").GetBoolean());
        Assert.Contains(status.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        using var refused = await client.PostAsync(new Uri(world.Resolve("/api/domains/mine.example/keys/{pending}/activate"), UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        world.Dns.Add(pending.RecordName, Signet.Store.KeyRecords.ValueFor(pending));
        using var activated = await client.PostAsync(new Uri(world.Resolve("/api/domains/mine.example/keys/{pending}/activate"), UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        Assert.Equal("active", JsonDocument.Parse(await activated.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
    }
}
