using Signet.Store.Model;
using Signet.Store.Rotation;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Contract;

/// <summary>A serve killed while it held a domain's rotation lease (SIGKILL, the out-of-memory killer) and started
/// again on the same host: the new process takes the dead one's lease at once instead of waiting for it to expire.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task RotationLease_HeldByAProcessOfThisHostThatIsGone_IsTakenOverAtOnce_AndOnlyByOne()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));
        Ok(await h.Store.SetRotationSettingsAsync(Admin, "example.com", new DomainRotationSettings { Publisher = "knot-primary", Interval = TimeSpan.FromDays(30) }, Token));
        var lease = TimeSpan.FromMinutes(5);
        Assert.True(Ok(await h.Store.TryLeaseRotationAsync("example.com", "dead-node", lease, Token)));

        Assert.False(Ok(await h.Store.TryLeaseRotationAsync("example.com", "node-a", lease, holder => holder == "live-node", Token)));
        var takers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(async () => await h.Store.TryLeaseRotationAsync("example.com", $"node-{i}", lease, holder => holder == "dead-node", Token))));

        Assert.Equal(1, takers.Count(t => t.Succeeded && t.Value));
        Assert.False(Ok(await h.Store.TryLeaseRotationAsync("example.com", "dead-node", lease, RotationNode.IsGone, Token)));
    }
}
