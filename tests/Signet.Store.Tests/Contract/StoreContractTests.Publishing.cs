using Signet.Dns.Publishing;
using Signet.Store.Access;
using Signet.Store.Model;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Contract;

/// <summary>DNS publishers and each domain's rotation settings: sealed secrets, who may see and choose what, and
/// settings that cannot leave a key unpublished.</summary>
public abstract partial class StoreContractTests
{
    private static readonly string TsigSecret = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());

    private static PublisherRequest ExamplePublisher(string name = "knot-primary", string zone = "example.com") =>
        new(name, "127.0.0.2:5353", zone, "signet-update", TsigSecret);

    [Fact]
    public async Task Publisher_AddListRemove_RoundTripsWithoutTheSecret()
    {
        await using var h = await OpenAsync();
        var added = Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));

        Assert.Equal(("knot-primary", PublisherKind.Rfc2136, "127.0.0.2:5353", "example.com", "signet-update"),
            (added.Name, added.Kind, added.Primary, added.Zone, added.KeyName));
        Assert.Equal([added], Ok(await h.Store.ListPublishersAsync(Admin, Token)));
        Assert.DoesNotContain(TsigSecret, added.ToString(), StringComparison.Ordinal);
        Fails(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token), StoreErrorKind.Conflict);
        Assert.True(Ok(await h.Store.RemovePublisherAsync(Admin, "knot-primary", Token)));
        Assert.Empty(Ok(await h.Store.ListPublishersAsync(Admin, Token)));
        Fails(await h.Store.RemovePublisherAsync(Admin, "knot-primary", Token), StoreErrorKind.NotFound);
    }

    public static TheoryData<PublisherRequest, string> HostilePublishers() => new()
    {
        { ExamplePublisher() with { Name = "" }, "name" },
        { ExamplePublisher() with { Name = "a b" }, "name" },
        { ExamplePublisher() with { Name = new string('p', 65) }, "name" },
        { ExamplePublisher() with { Name = "x'; DROP TABLE publishers;--" }, "name" },
        { ExamplePublisher() with { Primary = "ns1.example.com" }, "primary" },
        { ExamplePublisher() with { Primary = "127.0.0.1:99999" }, "primary" },
        { ExamplePublisher() with { Primary = "" }, "primary" },
        { ExamplePublisher() with { Secret = "not base64!" }, "base64" },
        { ExamplePublisher() with { Secret = Convert.ToBase64String(new byte[16]) }, "at least 32" },
        { ExamplePublisher() with { Zone = "not a zone" }, "zone" },
        { ExamplePublisher() with { Zone = "" }, "zone" },
        { ExamplePublisher() with { KeyName = "" }, "key name" },
        { ExamplePublisher() with { KeyName = "key\nname" }, "key name" },
    };

    [Theory]
    [MemberData(nameof(HostilePublishers))]
    public async Task Publisher_HostileInput_IsInvalidWithTheReason(PublisherRequest request, string named)
    {
        await using var h = await OpenAsync();

        var error = Fails(await h.Store.AddPublisherAsync(Admin, request, Token), StoreErrorKind.Invalid);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Empty(Ok(await h.Store.ListPublishersAsync(Admin, Token)));
    }

    [Fact]
    public async Task Publisher_DomainAdmin_CannotAddOrRemove_AndSeesOnlyPublishersOfTheirZones()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher("other", "other.example"), Token));
        var alice = new Actor(Guid.NewGuid(), "alice", UserRole.DomainAdmin, new HashSet<string> { "example.com" });

        Fails(await h.Store.AddPublisherAsync(alice, ExamplePublisher("mine"), Token), StoreErrorKind.Forbidden);
        Fails(await h.Store.RemovePublisherAsync(alice, "knot-primary", Token), StoreErrorKind.Forbidden);
        Assert.Equal(["knot-primary"], Ok(await h.Store.ListPublishersAsync(alice, Token)).Select(p => p.Name));
        Fails(await h.Store.SetRotationSettingsAsync(alice, "example.com", new DomainRotationSettings { Publisher = "other" }, Token),
            StoreErrorKind.Invalid);
        Assert.Equal("knot-primary", Ok(await h.Store.SetRotationSettingsAsync(alice, "example.com",
            new DomainRotationSettings { Publisher = "knot-primary", Interval = TimeSpan.FromDays(90) }, Token)).Publisher);
    }

    [Fact]
    public async Task Publisher_InUse_IsNotRemoved()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));
        Ok(await h.Store.SetRotationSettingsAsync(Admin, "example.com", new DomainRotationSettings { Publisher = "knot-primary" }, Token));

        var error = Fails(await h.Store.RemovePublisherAsync(Admin, "knot-primary", Token), StoreErrorKind.Conflict);

        Assert.Contains("example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publisher_OpenedForItsDomain_HasItsSecretBack()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddDomainAsync(Admin, "manual.example", Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));
        Ok(await h.Store.SetRotationSettingsAsync(Admin, "example.com", new DomainRotationSettings { Publisher = "knot-primary" }, Token));
        var alice = new Actor(Guid.NewGuid(), "alice", UserRole.DomainAdmin, new HashSet<string> { "example.com" });

        var publisher = Ok(await h.Store.OpenPublisherAsync(Admin, "example.com", Token));

        Assert.IsType<Rfc2136Publisher>(publisher);
        Assert.Contains("127.0.0.2:5353", publisher!.Description, StringComparison.Ordinal);
        Assert.Null(Ok(await h.Store.OpenPublisherAsync(Admin, "manual.example", Token)));
        Fails(await h.Store.OpenPublisherAsync(alice, "example.com", Token), StoreErrorKind.Forbidden);
    }

    [Fact]
    public async Task RotationSettings_Default_AreByHandAndOff_AndRoundTrip()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));

        var defaults = Ok(await h.Store.GetRotationSettingsAsync(Admin, "example.com", Token));
        var chosen = new DomainRotationSettings
        {
            Publisher = "knot-primary", Interval = TimeSpan.FromDays(90), KeyKinds = RotationKeyKinds.Both, SelectorScheme = SelectorScheme.Counter,
            Overlap = TimeSpan.FromDays(3), RevokedRecordLifetime = TimeSpan.FromDays(2), Paused = true,
        };
        Ok(await h.Store.SetRotationSettingsAsync(Admin, "example.com", chosen, Token));

        Assert.Equal(new DomainRotationSettings(), defaults);
        Assert.Equal((null, null, TimeSpan.FromDays(7)), (defaults.Publisher, defaults.Interval, defaults.Overlap));
        Assert.Equal(chosen, Ok(await h.Store.GetRotationSettingsAsync(Admin, "example.com", Token)));
        Assert.Contains(Ok(await h.Store.ListAuditAsync(Admin, 10, Token)), a => a.Action == "domain.rotation" && a.Detail.Contains("every 90 days", StringComparison.Ordinal));
    }

    public static TheoryData<DomainRotationSettings, string> UnsafeRotationSettings() => new()
    {
        { new DomainRotationSettings { Interval = TimeSpan.FromDays(90) }, "needs a publisher" },
        { new DomainRotationSettings { Publisher = "knot-primary", Interval = TimeSpan.Zero }, "more than zero" },
        { new DomainRotationSettings { Publisher = "knot-primary", Interval = TimeSpan.FromDays(-1) }, "more than zero" },
        { new DomainRotationSettings { Publisher = "knot-primary", Interval = TimeSpan.FromDays(5000) }, "at most 3650" },
        { new DomainRotationSettings { Publisher = "knot-primary", Interval = TimeSpan.FromDays(7) }, "shorter than the rotation interval" },
        { new DomainRotationSettings { Publisher = "knot-primary", Overlap = TimeSpan.FromDays(-1) }, "overlap" },
        { new DomainRotationSettings { Publisher = "knot-primary", RevokedRecordLifetime = TimeSpan.FromDays(-1) }, "revoked-record" },
        { new DomainRotationSettings { Publisher = "missing" }, "no publisher missing" },
        { new DomainRotationSettings { Publisher = "elsewhere" }, "does not hold" },
    };

    [Theory]
    [MemberData(nameof(UnsafeRotationSettings))]
    public async Task RotationSettings_Unsafe_AreInvalidWithTheReason(DomainRotationSettings settings, string named)
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher("elsewhere", "mail.example.com"), Token));

        var error = Fails(await h.Store.SetRotationSettingsAsync(Admin, "example.com", settings, Token), StoreErrorKind.Invalid);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(new DomainRotationSettings(), Ok(await h.Store.GetRotationSettingsAsync(Admin, "example.com", Token)));
    }

    [Fact]
    public async Task RotationSettings_OfARemovedDomain_AreGoneWhenItIsAddedAgain()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));
        Ok(await h.Store.SetRotationSettingsAsync(Admin, "example.com", new DomainRotationSettings { Publisher = "knot-primary" }, Token));

        Ok(await h.Store.RemoveDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));

        Assert.Equal(new DomainRotationSettings(), Ok(await h.Store.GetRotationSettingsAsync(Admin, "example.com", Token)));
        Assert.True(Ok(await h.Store.RemovePublisherAsync(Admin, "knot-primary", Token)));
    }

    [Fact]
    public async Task RotationSettings_OfAnotherDomain_AreNotFoundForADomainAdmin()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddDomainAsync(Admin, "other.example", Token));
        var alice = new Actor(Guid.NewGuid(), "alice", UserRole.DomainAdmin, new HashSet<string> { "example.com" });

        Fails(await h.Store.GetRotationSettingsAsync(alice, "other.example", Token), StoreErrorKind.NotFound);
        Fails(await h.Store.SetRotationSettingsAsync(alice, "other.example", new DomainRotationSettings(), Token), StoreErrorKind.NotFound);
    }

    [Fact]
    public async Task RotationLease_HeldByOneNode_IsRefusedToAnotherUntilReleasedOrExpired()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));
        Ok(await h.Store.SetRotationSettingsAsync(Admin, "example.com", new DomainRotationSettings { Publisher = "knot-primary", Interval = TimeSpan.FromDays(30) }, Token));
        var lease = TimeSpan.FromMinutes(5);

        Assert.True(Ok(await h.Store.TryLeaseRotationAsync("example.com", "node-a", lease, Token)));
        Assert.False(Ok(await h.Store.TryLeaseRotationAsync("example.com", "node-b", lease, Token)));
        Assert.True(Ok(await h.Store.TryLeaseRotationAsync("example.com", "node-a", lease, Token)));
        Assert.False(Ok(await h.Store.ReleaseRotationLeaseAsync("example.com", "node-b", Token)));
        Assert.True(Ok(await h.Store.ReleaseRotationLeaseAsync("example.com", "node-a", Token)));
        Assert.True(Ok(await h.Store.TryLeaseRotationAsync("example.com", "node-b", lease, Token)));

        // A node that died holding the lease: another takes over once it expires.
        h.Time.Advance(lease + TimeSpan.FromSeconds(1));
        Assert.True(Ok(await h.Store.TryLeaseRotationAsync("example.com", "node-a", lease, Token)));
    }

    [Fact]
    public async Task RotationLease_ManyNodesAtOnce_ExactlyOneGetsIt()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));
        Ok(await h.Store.SetRotationSettingsAsync(Admin, "example.com", new DomainRotationSettings { Publisher = "knot-primary", Interval = TimeSpan.FromDays(30) }, Token));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(async () => await h.Store.TryLeaseRotationAsync("example.com", $"node-{i}", TimeSpan.FromMinutes(5), Token))));

        Assert.Equal(1, attempts.Count(a => a.Succeeded && a.Value));
    }

    [Fact]
    public async Task RotationStatus_RunNowAndPause_AreRecordedAndAudited()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddDomainAsync(Admin, "manual.example", Token));
        Ok(await h.Store.AddPublisherAsync(Admin, ExamplePublisher(), Token));
        Ok(await h.Store.SetRotationSettingsAsync(Admin, "example.com", new DomainRotationSettings { Publisher = "knot-primary", Interval = TimeSpan.FromDays(30) }, Token));

        Assert.True(Ok(await h.Store.RequestRotationNowAsync(Admin, "example.com", Token)).RunNowRequested);
        Assert.True(Ok(await h.Store.PauseRotationAsync(Admin, "example.com", true, Token)).Settings.Paused);
        Assert.Empty(Ok(await h.Store.ListRotatingDomainsAsync(Admin, Token)));
        Assert.False(Ok(await h.Store.PauseRotationAsync(Admin, "example.com", false, Token)).Settings.Paused);
        Assert.Equal(["example.com"], Ok(await h.Store.ListRotatingDomainsAsync(Admin, Token)));
        var error = Fails(await h.Store.RequestRotationNowAsync(Admin, "manual.example", Token), StoreErrorKind.Conflict);
        Assert.Contains("choose a publisher and an interval", error.Message, StringComparison.Ordinal);
        var actions = Ok(await h.Store.ListAuditAsync(Admin, 20, Token)).Select(a => a.Action).ToList();
        Assert.Contains("rotation.run-now", actions);
        Assert.Contains("rotation.pause", actions);
        Assert.Contains("rotation.resume", actions);
    }
}
