using System.Net;
using System.Text;
using System.Text.Json;
using Signet.Admin.Tests.Support;
using Signet.Store;
using Signet.Store.Model;

namespace Signet.Admin.Tests.Api;

/// <summary>What a request costs the store: the domain list is a fixed number of database commands however many
/// domains there are (not one more per domain), and explaining a message opens no private key.</summary>
public sealed class StoreReadCostTests
{
    [Fact]
    public async Task DomainList_TwentyDomains_TakesAsManyDatabaseCommandsAsTwo()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.ServerAdmin);
        // Once first, so that the token's last use is recorded and the two measured requests do the same work.
        await ListAsync(client, expected: 2);
        long forTwo = await CommandsAsync(world, () => ListAsync(client, expected: 2));
        for (int i = 0; i < 18; i++)
        {
            string domain = $"d{i:00}.example";
            Assert.True((await world.Store.AddDomainAsync(ApiWorld.Admin, domain, CancellationToken.None)).Succeeded);
            Assert.True((await world.Store.GenerateKeyAsync(ApiWorld.Admin, KeyOwner.ForDomain(domain),
                new KeyGenerationRequest("s1", Dkim.DkimKeyType.Ed25519), CancellationToken.None)).Succeeded);
        }

        long forTwenty = await CommandsAsync(world, () => ListAsync(client, expected: 20));

        Assert.Equal(forTwo, forTwenty);
    }

    [Fact]
    public async Task Explain_OneDomain_OpensNoPrivateKey()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.ServerAdmin);
        long before = world.Store.PrivateKeysOpened;

        using var content = new StringContent("From: a@mine.example\r\n\r\n", Encoding.UTF8, "message/rfc822");
        using var response = await client.PostAsync(new Uri("/api/policy/explain", UriKind.Relative), content);
        string body = await response.Content.ReadAsStringAsync();
        long afterExplain = world.Store.PrivateKeysOpened;
        var signing = await world.Store.GetSigningSnapshotAsync(CancellationToken.None);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("signs").GetBoolean(), body);
        Assert.Equal(before, afterExplain);
        // The world has active keys the mail path opens: the counter would have seen explain open them.
        Assert.Equal(afterExplain + signing.PrivateKeys.Count, world.Store.PrivateKeysOpened);
        Assert.NotEmpty(signing.PrivateKeys);
    }

    private static async Task<long> CommandsAsync(ApiWorld world, Func<Task> request)
    {
        long before = world.Store.DatabaseCommands;
        await request();
        return world.Store.DatabaseCommands - before;
    }

    private static async Task ListAsync(HttpClient client, int expected)
    {
        string body = await client.GetStringAsync(new Uri("/api/domains", UriKind.Relative));
        var domains = JsonDocument.Parse(body).RootElement;
        Assert.Equal(expected, domains.GetArrayLength());
        Assert.All(domains.EnumerateArray(), d => Assert.False(string.IsNullOrEmpty(d.GetProperty("signingStatus").GetString()), body));
    }
}
