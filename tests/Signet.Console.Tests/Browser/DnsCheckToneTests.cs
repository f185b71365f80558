using Microsoft.Playwright;
using Signet.Console.Tests.Support;
using Signet.Dkim;
using Signet.Dkim.DnsText;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Console.Tests.Browser;

/// <summary>"Check DNS now" shows what it found in its own tone: a missing or truncated record is red and says so,
/// never a green "Done". The record is served by a real nsd.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class DnsCheckToneTests(BrowserFixture browser)
{
    [Fact]
    public async Task CheckDnsNow_MissingThenTruncatedThenWhole_IsRedRedGreenAndSaysWhy()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync("example.com", ["www IN A 127.0.0.1"], ConsoleHost.Token);
        await using var host = await ConsoleHost.StartAsync(dns);
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        await host.Store.AddDomainAsync(Actor.LocalAdministrator, "example.com", ConsoleHost.Token);
        var key = (await host.Store.GenerateKeyAsync(Actor.LocalAdministrator, KeyOwner.ForDomain("example.com"),
            new KeyGenerationRequest("s1", DkimKeyType.Rsa), ConsoleHost.Token)).Value!;
        string value = KeyRecords.ValueFor(key);
        var page = await browser.NewPageAsync();
        await ConsoleUser.SignInAsync(page, host, "admin");
        await page.GotoAsync(host.Url("/domains/example.com/dkim"));
        var check = page.Locator("#key-s1").GetByRole(AriaRole.Button, new() { Name = "Check DNS now" });

        await check.ClickAsync();
        await Assertions.Expect(page.Locator(".flash.bad")).ToContainTextAsync("DNS check found a problem: not found: no TXT record at s1._domainkey.example.com");
        await Assertions.Expect(page.Locator(".flash.ok")).ToHaveCountAsync(0);

        // What a DNS panel that keeps only the first 255-byte string leaves behind.
        await dns.ReplaceZoneAsync("example.com", [$"s1._domainkey IN TXT \"{value[..255]}\""], ConsoleHost.Token);
        await check.ClickAsync();
        await Assertions.Expect(page.Locator(".flash.bad")).ToContainTextAsync("wrong: truncated");
        await Assertions.Expect(page.Locator("#key-s1 .dns-check.bad")).ToContainTextAsync("DNS wrong");
        await Assertions.Expect(page.Locator("#key-s1 .dns-check")).Not.ToContainTextAsync("not found");

        await dns.ReplaceZoneAsync("example.com", [$"s1._domainkey IN TXT {DkimDnsTextFormatter.Format("s1", value, DkimDnsTextFormat.Quoted)}"], ConsoleHost.Token);
        await check.ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("DNS check: s1._domainkey.example.com is published and holds this key");
        await Assertions.Expect(page.Locator("#key-s1 .dns-check.ok")).ToContainTextAsync("DNS OK: published and matches");
    }
}
