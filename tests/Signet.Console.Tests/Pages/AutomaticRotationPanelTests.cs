using Signet.Console.Tests.Support;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Console.Tests.Pages;

/// <summary>The domain page's "Automatic rotation" card: off by default, then publisher, next rotation, current step,
/// a failure shown as a failure, and the history, with stored text encoded.</summary>
public sealed class AutomaticRotationPanelTests
{
    private static readonly string Secret = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i + 40)).ToArray());

    [Fact]
    public async Task DomainPage_WithoutAPublisher_SaysRotationIsOffAndHowToTurnItOn()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddDomainAsync("example.com");
        await host.AddUserAsync("erin", ConsoleUser.Password, UserRole.DomainAdmin, "example.com");
        using var session = new HttpSession(host);
        await session.SignInAsync("erin");

        string html = await (await session.GetAsync("/domains/example.com/dkim")).Content.ReadAsStringAsync();

        Assert.Contains("Automatic rotation", html, StringComparison.Ordinal);
        Assert.Contains("published by hand", html, StringComparison.Ordinal);
        Assert.Contains("signet rotation set --domain example.com", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DomainPage_WithRotationOn_ShowsPublisherNextRotationStepFailureAndHistory()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddDomainAsync("example.com");
        await host.AddUserAsync("erin", ConsoleUser.Password, UserRole.DomainAdmin, "example.com");
        var admin = Actor.LocalAdministrator;
        Assert.True((await host.Store.AddPublisherAsync(admin, new PublisherRequest("knot", "127.0.0.2:53", "example.com", "signet-update", Secret), ConsoleHost.Token)).Succeeded);
        Assert.True((await host.Store.SetRotationSettingsAsync(admin, "example.com",
            new DomainRotationSettings { Publisher = "knot", Interval = TimeSpan.FromDays(90) }, ConsoleHost.Token)).Succeeded);
        await host.Store.RecordRotationStepAsync("example.com", "publishing <s1>", "BADSIG <script>x</script>", DateTimeOffset.UtcNow.AddMinutes(1), false, ConsoleHost.Token);
        using var session = new HttpSession(host);
        await session.SignInAsync("erin");

        string html = await (await session.GetAsync("/domains/example.com/dkim")).Content.ReadAsStringAsync();

        Assert.Contains("<dt>Publisher</dt><dd>knot</dd>", html, StringComparison.Ordinal);
        Assert.Contains("90 days", html, StringComparison.Ordinal);
        Assert.Contains("at the next round (no active key yet)", html, StringComparison.Ordinal);
        Assert.Contains("Stopped", html, StringComparison.Ordinal);
        Assert.Contains("BADSIG &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>x</script>", html, StringComparison.Ordinal);
        Assert.Contains("every 90 days", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
    }
}
