using Microsoft.Playwright;
using Signet.Console.Tests.Support;
using Signet.Dkim.DnsText;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Console.Tests.Browser;

/// <summary>The whole path of a domain key through the console, with the record published in a real nsd.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class DomainKeyWorkflowTests(BrowserFixture browser)
{
    [Fact]
    public async Task DomainAdmin_GeneratesPublishesActivatesAndRotates()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync("example.com", ["www IN A 127.0.0.1"], ConsoleHost.Token);
        await using var host = await ConsoleHost.StartAsync(dns);
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        var page = await browser.NewPageAsync();

        await ServerAdminCreatesDomainAndDomainAdminAsync(page, host);
        await ConsoleUser.SignInAsync(page, host, "alice");
        await Assertions.Expect(page).ToHaveURLAsync(host.Url("/domains"));
        await page.GetByRole(AriaRole.Link, new() { Name = "example.com", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate the key" }).ClickAsync();

        var s1 = page.Locator("#key-s1");
        Assert.Equal("s1._domainkey.example.com", await page.Locator("#key-s1-name").InputValueAsync());
        string value = await page.Locator("#key-s1-value").InputValueAsync();
        Assert.StartsWith("v=DKIM1; k=rsa; p=", value, StringComparison.Ordinal);
        await page.GetByLabel("Escape the DNS string").First.CheckAsync();
        string escaped = await page.Locator("#key-s1-value").InputValueAsync();
        Assert.Equal(DkimDnsTextFormatter.Format("s1._domainkey.example.com", value, DkimDnsTextFormat.Escaped), escaped);
        Assert.StartsWith("\"v=DKIM1\\; k=rsa\\; p=", escaped, StringComparison.Ordinal);
        Assert.True(escaped.Split("\" \"").All(s => s.Trim('"').Length <= 255 + 4));
        await page.GetByLabel("Escape the DNS string").First.UncheckAsync();
        Assert.Equal(value, await page.Locator("#key-s1-value").InputValueAsync());

        // The escaped form pasted into a zone file is the same record (RFC 1035 §5.1): nsd serves the plain value.
        await dns.ReplaceZoneAsync("example.com", [$"s1._domainkey IN TXT {escaped}"], ConsoleHost.Token);
        await s1.GetByRole(AriaRole.Button, new() { Name = "Check DNS now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#key-s1 .dns-check.ok")).ToContainTextAsync("DNS OK: published and matches");
        await page.Locator("#key-s1").GetByRole(AriaRole.Button, new() { Name = "Activate (start signing)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#key-s1 .badge.ok").First).ToHaveTextAsync("Active: signing");
        await Assertions.Expect(page.Locator(".alignment")).ToContainTextAsync("Mail from @example.com is signed with d=example.com");
        Screenshots.Publish(await Screenshots.TakeAsync(page, "05-domain-dkim"), "console-domain.png");

        await page.Locator("#key-s1").GetByRole(AriaRole.Button, new() { Name = "Rotate to a new key" }).ClickAsync();
        var rotation = page.Locator("#rotation");
        await Assertions.Expect(rotation).ToContainTextAsync("Publish this record");
        Assert.Equal("s2._domainkey.example.com", await page.Locator("#rotation-s2-name").InputValueAsync());
        string s2 = await page.Locator("#rotation-s2-value").InputValueAsync();
        await dns.ReplaceZoneAsync("example.com",
            [$"s1._domainkey IN TXT {escaped}", $"s2._domainkey IN TXT {DkimDnsTextFormatter.Format("s2", s2, DkimDnsTextFormat.Quoted)}"], ConsoleHost.Token);
        await rotation.GetByRole(AriaRole.Button, new() { Name = "Check DNS now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("now signs with the new key");
        await Assertions.Expect(rotation).ToContainTextAsync("We see it");
        await Assertions.Expect(rotation.Locator("li").Nth(2)).ToContainTextAsync("Now signing with s2. Done");
        await Assertions.Expect(page.Locator("#key-s1 .key-head")).ToContainTextAsync("Retiring");
        var snapshot = await host.Store.GetSigningSnapshotAsync(ConsoleHost.Token);
        Assert.Equal("s2", Assert.Single(snapshot.DomainKeys["example.com"]).Selector);
        await Screenshots.TakeAsync(page, "06-rotation");
        await page.SetViewportSizeAsync(390, 844);
        await Screenshots.TakeAsync(page, "07-domain-dkim-phone");
    }

    private static async Task ServerAdminCreatesDomainAndDomainAdminAsync(IPage page, ConsoleHost host)
    {
        await ConsoleUser.SignInAsync(page, host, "admin");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Domains", Exact = true }).ClickAsync();
        foreach (string domain in new[] { "example.com", "example.org" })
        {
            await page.GetByLabel("Domain name").FillAsync(domain);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the domain" }).ClickAsync();
            await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync($"{domain} is protected");
        }

        await Screenshots.TakeAsync(page, "03-domains");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        var create = page.Locator("form[action='/server/users/add']");
        await create.GetByLabel("User name").FillAsync("alice");
        await create.GetByLabel("Initial password").FillAsync(ConsoleUser.Password);
        await create.GetByLabel("example.com").CheckAsync();
        await create.GetByRole(AriaRole.Button, new() { Name = "Create the user" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("alice can sign in now");
        await Assertions.Expect(page.Locator("#user-alice .meta")).ToContainTextAsync("example.com");
        await Screenshots.TakeAsync(page, "04-users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
    }
}
