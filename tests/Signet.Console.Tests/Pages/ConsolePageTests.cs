using System.Net;
using Signet.Console.Tests.Support;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Console.Tests.Pages;

/// <summary>The console's pages over plain HTTP, against real Kestrel and a real store.</summary>
public sealed class ConsolePageTests
{
    [Theory]
    [InlineData("/signin")]
    [InlineData("/")]
    [InlineData("/assets/console.css")]
    [InlineData("/server/dkim")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        await using var host = await ConsoleHost.StartAsync();
        using var session = new HttpSession(host);

        var response = await session.GetAsync(path);

        string csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task SignedOut_ServerPage_RedirectsToSignInWithReturnUrl()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var session = new HttpSession(host);

        var response = await session.GetAsync("/server/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fserver%2Fusers", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Home_BeforeSetup_SaysToUseTheSetupLink()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var session = new HttpSession(host);

        string html = await (await session.GetAsync("/")).Content.ReadAsStringAsync();

        Assert.Contains("no default password", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_SetsAStrictHttpOnlySessionCookie_AndReplacesAPlantedOne()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        using var session = new HttpSession(host);
        session.Cookies.Add(new Uri(host.BaseUrl), new Cookie("signet-session", "planted-by-someone-else"));

        var response = await session.SignInAsync("admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        string setCookie = response.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("signet-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("planted-by-someone-else", setCookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/server/dkim")).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        using var session = new HttpSession(host);
        await session.SignInAsync("admin");

        await session.PostFormAsync("/server/dkim", "/signout");

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/server/dkim")).StatusCode);
    }

    [Fact]
    public async Task RemovedUser_IsSignedOutOnTheNextRequest()
    {
        await using var host = await ConsoleHost.StartAsync();
        var user = await host.AddUserAsync("dave", ConsoleUser.Password, UserRole.ServerAdmin);
        using var session = new HttpSession(host);
        await session.SignInAsync("dave");
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);

        await host.Store.RemoveUserAsync(Actor.LocalAdministrator, user.Id, ConsoleHost.Token);

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/server/dkim")).StatusCode);
    }

    [Fact]
    public async Task ApiToken_IsShownOnce_AndAuthenticates()
    {
        await using var host = await ConsoleHost.StartAsync();
        var admin = await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        using var session = new HttpSession(host);
        await session.SignInAsync("admin");

        var response = await session.PostFormAsync("/server/users", $"/server/users/{admin.Id}/tokens", ("description", "deploy script"));
        string html = await response.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "id=\"token-secret\"[^>]*value=\"([^\"]+)\"");

        Assert.True(token.Success, html);
        var actor = await host.Store.AuthenticateTokenAsync(WebUtility.HtmlDecode(token.Groups[1].Value), ConsoleHost.Token);
        Assert.Equal("admin", actor.Value?.Name);
        Assert.DoesNotContain(token.Groups[1].Value, await (await session.GetAsync("/server/users")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserNames_AreEncoded_NeverMarkup()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        await host.AddUserAsync("<script>alert(1)</script>", ConsoleUser.Password, UserRole.DomainAdmin);
        using var session = new HttpSession(host);
        await session.SignInAsync("admin");

        string html = await (await session.GetAsync("/server/users")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_ShowsTheActionsTaken()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        using var session = new HttpSession(host);
        await session.SignInAsync("admin");
        await session.PostFormAsync("/server/domains", "/server/domains/add", ("domain", "audited.example"));

        string html = await (await session.GetAsync("/server/audit")).Content.ReadAsStringAsync();

        Assert.Contains("audited.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DomainSettings_TurnSigningOffAndRequireOwnKeysForSubdomains()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddDomainAsync("example.com");
        await host.AddUserAsync("erin", ConsoleUser.Password, UserRole.DomainAdmin, "example.com");
        using var session = new HttpSession(host);
        await session.SignInAsync("erin");

        await session.PostFormAsync("/domains/example.com/dkim", "/domains/example.com/dkim/settings", ("subdomains", "own"));

        var domain = (await host.Store.GetDomainAsync(Actor.LocalAdministrator, "example.com", ConsoleHost.Token)).Value!;
        Assert.False(domain.SigningEnabled);
        Assert.Equal(SubdomainSigning.RequireOwnKeys, domain.Subdomains);
        string html = await (await session.GetAsync("/domains/example.com/dkim")).Content.ReadAsStringAsync();
        Assert.Contains("Mail from @example.com is not signed", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportedPem_BecomesAPendingKeyWithItsRecord()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddDomainAsync("example.com");
        await host.AddUserAsync("erin", ConsoleUser.Password, UserRole.DomainAdmin, "example.com");
        using var session = new HttpSession(host);
        await session.SignInAsync("erin");
        using var rsa = System.Security.Cryptography.RSA.Create(2048);

        await session.PostFormAsync("/domains/example.com/dkim", "/domains/example.com/dkim/import", ("selector", "imp"), ("pem", rsa.ExportPkcs8PrivateKeyPem()));

        var key = Assert.Single((await host.Store.ListKeysAsync(Actor.LocalAdministrator, KeyOwner.ForDomain("example.com"), ConsoleHost.Token)).Value!);
        Assert.Equal(KeyState.Pending, key.State);
        string html = await (await session.GetAsync("/domains/example.com/dkim")).Content.ReadAsStringAsync();
        Assert.Contains("imp._domainkey.example.com", html, StringComparison.Ordinal);
    }
}
