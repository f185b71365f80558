using Signet.Store.Tests.Support;
using Signet.Testing;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Contract;

[Collection(StoreTestGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class TwoNodeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task KeyActivatedOnOneNode_IsInTheOtherNodesSnapshotWithinSeconds()
    {
        var options = await StoreHarness.NewOptionsAsync(Backend.Postgres, postgres);
        await using var first = await StoreHarness.OpenAsync(options);
        string sharedKey = await File.ReadAllTextAsync(options.MasterKeyPath);
        var secondOptions = options with
        {
            DataDirectory = Path.Combine(Path.GetDirectoryName(options.DataDirectory)!, "node2"),
            MasterKey = sharedKey.Trim(),
            PollInterval = TimeSpan.FromMilliseconds(200),
        };
        await using var second = await StoreHarness.OpenAsync(secondOptions);
        using var cache = new SigningSnapshotCache(second.Store, secondOptions.PollInterval);
        Assert.Empty((await cache.GetAsync(Token)).DomainKeys);

        var key = await first.AddActiveKeyAsync("example.com");
        await Eventually.Until(async () => (await cache.GetAsync(Token)).DomainKeys.ContainsKey("example.com"), "the second node sees the key");

        Assert.Equal(key.Id, (await cache.GetAsync(Token)).DomainKeys["example.com"].Single().Id);
        int rebuilds = cache.Rebuilds;
        await cache.RefreshAsync(Token); // a poll that finds the revision unchanged
        Assert.Equal(rebuilds, cache.Rebuilds);
    }
}
