using Signet.Store.Model;
using Signet.Store.Tests.Support;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests;

/// <summary>What reads cost: a list of domains with their keys is a fixed number of database commands however many
/// domains there are, and reading the policy (to explain a decision) opens no private key.</summary>
public sealed class StoreReadCostTests
{
    [Fact]
    public async Task ListDomainsWithKeys_TwentyDomains_TakesAsManyDatabaseCommandsAsOne()
    {
        await using var h = await OpenAsync(await NewOptionsAsync(Backend.Sqlite, null!));
        await h.AddDomainWithKeyAsync("d00.example");
        long forOne = await CommandsForAsync(h, expectedDomains: 1);
        for (int i = 1; i < 20; i++)
        {
            await h.AddDomainWithKeyAsync($"d{i:00}.example");
        }

        long forTwenty = await CommandsForAsync(h, expectedDomains: 20);

        Assert.Equal(forOne, forTwenty);
        Assert.InRange(forTwenty, 1, 3);
    }

    [Fact]
    public async Task ListKeysPerDomain_TwentyDomains_GrowsWithTheDomains()
    {
        // The counter the test above relies on does count: the per-domain way costs at least one command per domain.
        await using var h = await OpenAsync(await NewOptionsAsync(Backend.Sqlite, null!));
        for (int i = 0; i < 20; i++)
        {
            await h.AddDomainWithKeyAsync($"d{i:00}.example");
        }

        long before = h.Store.DatabaseCommands;
        foreach (var domain in Ok(await h.Store.ListDomainsAsync(Admin, Token)))
        {
            Ok(await h.Store.ListKeysAsync(Admin, KeyOwner.ForDomain(domain.Name), Token));
        }

        Assert.True(h.Store.DatabaseCommands - before >= 20, $"{h.Store.DatabaseCommands - before} commands");
    }

    [Fact]
    public async Task PolicySnapshot_ActiveKeysOfThreeDomains_OpensNoPrivateKeyWhereTheSigningSnapshotOpensThree()
    {
        await using var h = await OpenAsync(await NewOptionsAsync(Backend.Sqlite, null!));
        foreach (string domain in new[] { "a.example", "b.example", "c.example" })
        {
            var key = await h.AddDomainWithKeyAsync(domain);
            Ok(await h.Store.ActivateKeyAsync(Admin, key.Id, force: true, Token));
        }

        long before = h.Store.PrivateKeysOpened;
        var policy = await h.Store.GetPolicySnapshotAsync(Token);
        long afterPolicy = h.Store.PrivateKeysOpened;
        var signing = await h.Store.GetSigningSnapshotAsync(Token);

        Assert.Equal(3, policy.DomainKeys.Values.Sum(k => k.Count));
        Assert.Empty(policy.PrivateKeys);
        Assert.Equal(before, afterPolicy);
        Assert.Equal(3, signing.PrivateKeys.Count);
        Assert.Equal(afterPolicy + 3, h.Store.PrivateKeysOpened);
    }

    private static async Task<long> CommandsForAsync(StoreHarness h, int expectedDomains)
    {
        long before = h.Store.DatabaseCommands;
        var listed = Ok(await h.Store.ListDomainsWithKeysAsync(Admin, Token));
        long commands = h.Store.DatabaseCommands - before;
        Assert.Equal(expectedDomains, listed.Count);
        Assert.All(listed, d => Assert.Single(d.Keys));
        return commands;
    }
}
