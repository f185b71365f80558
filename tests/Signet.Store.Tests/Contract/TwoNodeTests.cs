using System.Diagnostics;
using Signet.Store.Tests.Support;
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
        var clock = Stopwatch.StartNew();
        while (!(await cache.GetAsync(Token)).DomainKeys.ContainsKey("example.com"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the second node did not see the key within 5 s");
            await Task.Delay(50);
        }

        Assert.Equal(key.Id, (await cache.GetAsync(Token)).DomainKeys["example.com"].Single().Id);
        int rebuilds = cache.Rebuilds;
        await Task.Delay(500);
        await cache.GetAsync(Token);
        Assert.Equal(rebuilds, cache.Rebuilds);
    }
}
