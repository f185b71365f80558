using System.Net;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Reliability.Tests.Security;

/// <summary>The console's rotation card and DNS publishers page over real HTTP: what the form sets is what the store
/// holds, a refusal shows the store's reason in red and changes nothing, another domain's rotation is 404, and the
/// TSIG secret never comes back in a page.</summary>
public sealed class ConsoleRotationTests
{
    private const string Rotation = "/domains/mine.example/dkim/rotation";

    [Fact]
    public async Task RotationForm_Saved_IsWhatTheStoreHoldsAndThePageShows()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");

        using var saved = await session.PostFormAsync(Rotation, Form("spare-dns", "30", keyKinds: "both", selectorScheme: "counter", overlap: "5", revokedFor: "3"));
        string page = await FollowAsync(session, saved);

        var settings = await SettingsAsync(world);
        Assert.Equal("spare-dns", settings.Publisher);
        Assert.Equal(TimeSpan.FromDays(30), settings.Interval);
        Assert.Equal(RotationKeyKinds.Both, settings.KeyKinds);
        Assert.Equal(SelectorScheme.Counter, settings.SelectorScheme);
        Assert.Equal(TimeSpan.FromDays(5), settings.Overlap);
        Assert.Equal(TimeSpan.FromDays(3), settings.RevokedRecordLifetime);
        Assert.Contains("class=\"flash ok\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"spare-dns\" selected>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"both\" selected>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"rotation-interval\" name=\"interval\" type=\"text\" value=\"30\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotationForm_IntervalWithoutPublisher_ShowsTheStoresRefusalInRedAndChangesNothing()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");
        var before = await SettingsAsync(world);

        using var refused = await session.PostFormAsync(Rotation, Form("", "30"));
        string page = WebUtility.HtmlDecode(await FollowAsync(session, refused));

        Assert.Contains("class=\"flash bad\" role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Contains("automatic rotation needs a publisher", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"flash ok\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await SettingsAsync(world));
    }

    [Theory]
    [InlineData("abc", "7", "the interval is a number of days")]
    [InlineData("1e9", "7", "the interval is a number of days")]
    [InlineData("NaN", "7", "the interval is a number of days")]
    [InlineData("99999999999999999999999999999999", "7", "the interval is a number of days")]
    [InlineData("2147483647", "7", "at most 3650 days")]
    [InlineData("-5", "7", "more than zero")]
    [InlineData("0", "7", "more than zero")]
    [InlineData("30", "<script>", "the overlap is a number of days")]
    [InlineData("30", "30", "the overlap must be shorter than the rotation interval")]
    public async Task RotationForm_HostileDays_IsRefusedWithTheReasonAndChangesNothing(string interval, string overlap, string reason)
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");
        var before = await SettingsAsync(world);

        using var refused = await session.PostFormAsync(Rotation, Form("mine-dns", interval, overlap: overlap));
        string page = WebUtility.HtmlDecode(await FollowAsync(session, refused));

        Assert.Contains("class=\"flash bad\"", page, StringComparison.Ordinal);
        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.Equal(before, await SettingsAsync(world));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("other-dns")]
    [InlineData("mine-dns\r\nX-Injected: 1")]
    public async Task RotationForm_UnknownOrHostilePublisher_IsRefusedEncodedAndChangesNothing(string publisher)
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");
        var before = await SettingsAsync(world);

        using var refused = await session.PostFormAsync(Rotation, Form(publisher, "30"));
        string raw = await FollowAsync(session, refused);

        Assert.Contains("class=\"flash bad\"", raw, StringComparison.Ordinal);
        Assert.Contains("there is no publisher", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", raw, StringComparison.Ordinal);
        Assert.Equal(before, await SettingsAsync(world));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/run-now")]
    [InlineData("/pause")]
    [InlineData("/resume")]
    public async Task OtherDomainAdmin_PostingToThisDomainsRotation_Is404AndChangesNothing(string action)
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "olga");
        var before = await StatusAsync(world);

        using var refused = await session.PostFormAsync(Rotation + action, Form("spare-dns", "30"));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var after = await StatusAsync(world);
        Assert.Equal(before.Settings, after.Settings);
        Assert.Equal(before.RunNowRequested, after.RunNowRequested);

        // The same form from the domain's own admin is taken: the 404 above is the scope, not a missing route.
        using var own = await ConsoleSession.SignedInAsync(world.Address, "dana");
        using var taken = await own.PostFormAsync(Rotation + action, Form("spare-dns", "30"));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal("/domains/mine.example/dkim", taken.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PauseRunNowAndResume_ThroughTheButtons_ReachTheStoreAndThePageOffersTheOtherButton()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");

        string paused = await FollowAsync(session, await session.PostFormAsync(Rotation + "/pause", []));
        Assert.True((await StatusAsync(world)).Settings.Paused);
        Assert.Contains($"action=\"{Rotation}/resume\"", paused, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"{Rotation}/pause\"", paused, StringComparison.Ordinal);

        // Saving the settings form keeps the pause: it is not one of its fields.
        await FollowAsync(session, await session.PostFormAsync(Rotation, Form("mine-dns", "60")));
        Assert.True((await StatusAsync(world)).Settings.Paused);

        await FollowAsync(session, await session.PostFormAsync(Rotation + "/resume", []));
        string requested = await FollowAsync(session, await session.PostFormAsync(Rotation + "/run-now", []));
        var status = await StatusAsync(world);
        Assert.False(status.Settings.Paused);
        Assert.True(status.RunNowRequested);
        Assert.Contains("requested: at the next round", requested, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_WithRotationOff_ShowsTheStoresRefusalInRed()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");
        await FollowAsync(session, await session.PostFormAsync(Rotation, Form("", "")));

        string page = WebUtility.HtmlDecode(await FollowAsync(session, await session.PostFormAsync(Rotation + "/run-now", [])));

        Assert.Contains("class=\"flash bad\"", page, StringComparison.Ordinal);
        Assert.Contains("has no automatic rotation", page, StringComparison.Ordinal);
        Assert.False((await StatusAsync(world)).RunNowRequested);
    }

    [Fact]
    public async Task PublishersPage_ListsThePublishersButNeverTheSecret()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "sam");

        using var response = await session.Client.GetAsync(new Uri("/server/publishers", UriKind.Relative));
        string page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<th scope=\"row\">mine-dns</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">spare-dns</th>", page, StringComparison.Ordinal);
        Assert.Contains("127.0.0.2:53", page, StringComparison.Ordinal);
        Assert.Contains("signet-update", page, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(SecurityWorld.PublisherSecret, page, StringComparison.Ordinal);
        Assert.Contains("href=\"/server/publishers\" aria-current=\"page\">DNS publishers", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not an address", "the primary server:")]
    [InlineData("127.0.0.2:99999", "the primary server:")]
    [InlineData("<script>alert(1)</script>", "the primary server:")]
    [InlineData("", "the primary server:")]
    public async Task AddPublisher_BadPrimary_ShowsTheReasonNeverTheSecretAndAddsNothing(string primary, string reason)
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "sam");
        string secret = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());

        using var refused = await session.PostFormAsync("/server/publishers/add", new()
        {
            ["name"] = "new-dns", ["primary"] = primary, ["zone"] = SecurityWorld.Mine, ["keyName"] = "k", ["secret"] = secret,
        });
        string raw = await FollowAsync(session, refused);

        Assert.Contains("class=\"flash bad\"", raw, StringComparison.Ordinal);
        Assert.Contains(reason, WebUtility.HtmlDecode(raw), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.HtmlEncode(secret), raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain((await world.Store.ListPublishersAsync(Actor.LocalAdministrator, CancellationToken.None)).Value!, p => p.Name == "new-dns");
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task AddPublisher_BadSecret_SaysSoWithoutEchoingIt(string secret)
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "sam");

        using var refused = await session.PostFormAsync("/server/publishers/add", new()
        {
            ["name"] = "new-dns", ["primary"] = "127.0.0.2:53", ["zone"] = SecurityWorld.Mine, ["keyName"] = "k", ["secret"] = secret,
        });
        string page = WebUtility.HtmlDecode(await FollowAsync(session, refused));

        Assert.Contains("class=\"flash bad\"", page, StringComparison.Ordinal);
        Assert.Contains("the publisher was not added", page, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPublisher_Valid_IsListedAndChoosableOnTheDomainPage()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "sam");

        string page = await FollowAsync(session, await session.PostFormAsync("/server/publishers/add", new()
        {
            ["name"] = "new-dns", ["primary"] = "127.0.0.3:5353", ["zone"] = SecurityWorld.Mine, ["keyName"] = "k", ["secret"] = SecurityWorld.PublisherSecret,
        }));

        Assert.Contains("class=\"flash ok\"", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">new-dns</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(SecurityWorld.PublisherSecret, page, StringComparison.Ordinal);
        string domain = await session.Client.GetStringAsync(new Uri("/domains/mine.example/dkim", UriKind.Relative));
        Assert.Contains("<option value=\"new-dns\">new-dns (zone mine.example)</option>", domain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovePublisher_AsksFirstThenRemoves_AndRefusesOneADomainUses()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "sam");

        using var ask = await session.Client.GetAsync(new Uri("/server/publishers/spare-dns/remove", UriKind.Relative));
        string confirm = await ask.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("Yes, remove spare-dns", confirm, StringComparison.Ordinal);

        using var unconfirmed = await session.PostFormAsync("/server/publishers/spare-dns/remove", []);
        Assert.Equal("/server/publishers/spare-dns/remove", unconfirmed.Headers.Location!.OriginalString);
        Assert.Contains(await PublisherNamesAsync(world), n => n == "spare-dns");

        await FollowAsync(session, await session.PostFormAsync("/server/publishers/spare-dns/remove", new() { ["confirmed"] = "yes" }));
        Assert.DoesNotContain(await PublisherNamesAsync(world), n => n == "spare-dns");

        string inUse = WebUtility.HtmlDecode(await FollowAsync(session, await session.PostFormAsync("/server/publishers/mine-dns/remove", new() { ["confirmed"] = "yes" })));
        Assert.Contains("class=\"flash bad\"", inUse, StringComparison.Ordinal);
        Assert.Contains("still publishes for mine.example", inUse, StringComparison.Ordinal);
        Assert.Contains(await PublisherNamesAsync(world), n => n == "mine-dns");

        using var missing = await session.Client.GetAsync(new Uri("/server/publishers/%3Cnone%3E/remove", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task DomainAdmin_PublishersPage_IsForbidden()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");

        using var response = await session.Client.GetAsync(new Uri("/server/publishers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("spare-dns", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(string publisher, string interval, string keyKinds = "rsa2048", string selectorScheme = "date",
        string overlap = "7", string revokedFor = "7") => new()
    {
        ["publisher"] = publisher, ["interval"] = interval, ["keyKinds"] = keyKinds, ["selectorScheme"] = selectorScheme,
        ["overlap"] = overlap, ["revokedFor"] = revokedFor,
    };

    private static async Task<DomainRotationSettings> SettingsAsync(SecurityWorld world) =>
        (await world.Store.GetRotationSettingsAsync(Actor.LocalAdministrator, SecurityWorld.Mine, CancellationToken.None)).Value!;

    private static async Task<AutomaticRotationStatus> StatusAsync(SecurityWorld world) =>
        (await world.Store.GetRotationStatusAsync(Actor.LocalAdministrator, SecurityWorld.Mine, CancellationToken.None)).Value!;

    private static async Task<IReadOnlyList<string>> PublisherNamesAsync(SecurityWorld world) =>
        (await world.Store.ListPublishersAsync(Actor.LocalAdministrator, CancellationToken.None)).Value!.Select(p => p.Name).ToList();

    /// <summary>The page a POST redirected to, with its flash; fails when the POST did not redirect.</summary>
    private static async Task<string> FollowAsync(ConsoleSession session, HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return await session.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        }
    }
}
