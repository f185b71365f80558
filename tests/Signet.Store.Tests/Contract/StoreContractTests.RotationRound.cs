using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Rotation;
using Signet.Store.Tests.Support;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Contract;

/// <summary>Every node of a fleet runs a rotation round for every rotating domain: a round that finds nothing due must
/// cost reads only, no lease, no step written (each write waits for the database's log flush).</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task RotationRound_NothingDue_OnlyReads_AndTheStatusKeepsItsIdleStep()
    {
        await using var h = await OpenAsync();
        var driver = await RotatingWithNothingDueAsync(h);
        var idle = Ok(await h.Store.GetRotationStatusAsync(Admin, "example.com", Token));
        Assert.StartsWith("idle: s1._domainkey.example.com signs until", idle.Step, StringComparison.Ordinal);

        // What the round may cost: the list of rotating domains, the domain's status and its keys.
        long reads = h.Store.DatabaseCommands;
        Ok(await h.Store.ListRotatingDomainsAsync(Admin, Token));
        Ok(await h.Store.GetRotationStatusAsync(Admin, "example.com", Token));
        Ok(await h.Store.ListKeysAsync(Admin, KeyOwner.ForDomain("example.com"), Token));
        reads = h.Store.DatabaseCommands - reads;
        h.Time.Advance(TimeSpan.FromHours(1));
        long before = h.Store.DatabaseCommands;

        Assert.Empty(await driver.AdvanceAsync(Token));

        Assert.Equal(reads, h.Store.DatabaseCommands - before);
        var after = Ok(await h.Store.GetRotationStatusAsync(Admin, "example.com", Token));
        Assert.Equal((idle.Step, idle.StepAt), (after.Step, after.StepAt));
    }

    [Fact]
    public async Task RotationRound_KeyDueForReplacement_IsTakenUnderTheLease()
    {
        await using var h = await OpenAsync();
        var driver = await RotatingWithNothingDueAsync(h);
        h.Time.Advance(TimeSpan.FromDays(31));

        // Due: the round generates the replacement and then fails to publish it (no DNS server at the publisher's
        // address), which it records; a round that skipped the domain would leave one key and the idle step.
        var lines = await driver.AdvanceAsync(Token);

        Assert.Contains(lines, line => line.Contains("stopped at", StringComparison.Ordinal));
        Assert.Equal(2, Ok(await h.Store.ListKeysAsync(Admin, KeyOwner.ForDomain("example.com"), Token)).Count);
    }

    /// <summary>example.com with an Ed25519 key signing and hands-off rotation on (30 days), after the first round,
    /// which records the idle step.</summary>
    private static async Task<AutomaticRotationDriver> RotatingWithNothingDueAsync(StoreHarness h)
    {
        await h.AddActiveKeyAsync("example.com");
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));
        Ok(await h.Store.SetRotationSettingsAsync(Admin, "example.com",
            new DomainRotationSettings { Publisher = "knot-primary", Interval = TimeSpan.FromDays(30), KeyKinds = RotationKeyKinds.Ed25519 }, Token));
        var driver = new AutomaticRotationDriver(h.Store, h.Time, "node-a");
        Assert.Empty(await driver.AdvanceAsync(Token));
        return driver;
    }
}
