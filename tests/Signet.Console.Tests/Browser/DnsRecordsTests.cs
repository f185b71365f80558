using Microsoft.Playwright;
using Signet.Console.Tests.Support;
using Signet.Dkim;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Console.Tests.Browser;

/// <summary>Domains > {domain} > DNS records: every record a domain needs, with SPF and DMARC read live from a real
/// nsd: what to do with each DKIM record, the SPF and DMARC found (or the failed lookup, said as such), hostile values
/// shown encoded and flagged, and a DMARC record to start from.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class DnsRecordsTests(BrowserFixture browser)
{
    private const string Domain = "example.com";

    [Fact]
    public async Task DomainAdmin_SeesEachRecordWithWhatToDo_AndAStartingDmarcRecord()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync(Domain,
        [
            "@ IN TXT \"v=spf1 mx -all\"",
            "@ IN TXT \"google-site-verification=abc\"",
            "_dmarc IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\"",
        ], ConsoleHost.Token);
        await using var host = await ConsoleHost.StartAsync(dns);
        await host.AddDomainAsync(Domain);
        await host.AddDomainAsync("example.org");
        await host.AddUserAsync("alice", ConsoleUser.Password, UserRole.DomainAdmin, Domain);
        await KeysInEveryStateAsync(host);
        var page = await browser.NewPageAsync();
        await ConsoleUser.SignInAsync(page, host, "alice");
        await page.GetByRole(AriaRole.Link, new() { Name = Domain, Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = Domain }).GetByRole(AriaRole.Link, new() { Name = "DNS records" }).ClickAsync();

        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync($"{Domain}: DNS records");
        await Assertions.Expect(page.Locator("#dns-pending .key-head")).ToContainTextAsync("Publish");
        await Assertions.Expect(page.Locator("#dns-active .key-head")).ToContainTextAsync("Keep");
        await Assertions.Expect(page.Locator("#dns-retiring .key-head")).ToContainTextAsync("Keep");
        await Assertions.Expect(page.Locator("#dns-revoked .key-head")).ToContainTextAsync("Replace with the revoked form");
        await Assertions.Expect(page.Locator("#dns-revoked-value")).ToHaveValueAsync("v=DKIM1; p=");
        Assert.StartsWith("v=DKIM1; k=ed25519; p=", await page.Locator("#dns-active-value").InputValueAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#spf")).ToContainTextAsync("SPF record published");
        await Assertions.Expect(page.Locator("#spf .dns-value")).ToHaveTextAsync("v=spf1 mx -all");
        await Assertions.Expect(page.Locator("#spf")).ToContainTextAsync("DKIM alone does not get mail delivered");
        await Assertions.Expect(page.Locator("#dmarc .dns-value")).ToHaveTextAsync("v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com");
        await Assertions.Expect(page.Locator("#dmarc")).ToContainTextAsync("RFC 9989");

        await page.GetByLabel("Address for DMARC reports").FillAsync("reports@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the record" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Suggested DMARC record")).ToHaveValueAsync("v=DMARC1; p=none; rua=mailto:reports@example.com");
        await Screenshots.TakeAsync(page, "08-domain-dns-records");

        var other = await page.GotoAsync(host.Url("/domains/example.org/dns"));
        Assert.Equal(404, other!.Status);
    }

    [Fact]
    public async Task HostileRecords_AreShownEncodedAndFlagged()
    {
        string longRecord = "v=spf1 " + string.Join(" ", Enumerable.Range(1, 40).Select(i => $"ip4:192.0.2.{i}"));
        var strings = longRecord.Chunk(200).Select(chunk => $"\"{new string(chunk)}\"");
        await using var dns = await AuthoritativeDnsServer.StartAsync(Domain,
        [
            "@ IN TXT \"v=spf1 <img src=x id=injected> -all\"",
            "@ IN TXT " + string.Join(" ", strings),
            "_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:<b id=bold>x</b>@example.com\"",
        ], ConsoleHost.Token);
        await using var host = await ConsoleHost.StartAsync(dns);
        await host.AddDomainAsync(Domain);
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        var page = await browser.NewPageAsync();
        await ConsoleUser.SignInAsync(page, host, "admin");

        await page.GotoAsync(host.Url($"/domains/{Domain}/dns"));

        await Assertions.Expect(page.Locator("#spf")).ToContainTextAsync("2 SPF records");
        await Assertions.Expect(page.Locator("#spf")).ToContainTextAsync("RFC 7208 §4.5");
        await Assertions.Expect(page.Locator("#spf .dns-value").First).ToHaveTextAsync("v=spf1 <img src=x id=injected> -all");
        await Assertions.Expect(page.Locator("#injected")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#bold")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#spf .flags").First).ToContainTextAsync("no SPF or DMARC record holds");
        await Assertions.Expect(page.Locator("#spf .dns-values > li").Nth(1)).ToContainTextAsync($"it is {longRecord.Length} characters long");
        await Assertions.Expect(page.Locator("#dmarc .flags")).ToContainTextAsync("no SPF or DMARC record holds");
    }

    [Fact]
    public async Task FailedLookup_IsShownAsAFailure_NotAsNoRecord()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync(Domain, ["@ IN TXT \"v=spf1 mx -all\""], ConsoleHost.Token);
        await using var host = await ConsoleHost.StartAsync(dns);
        await host.AddDomainAsync(Domain);
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        var page = await browser.NewPageAsync();
        await ConsoleUser.SignInAsync(page, host, "admin");
        await page.GotoAsync(host.Url($"/domains/{Domain}/dns"));
        await Assertions.Expect(page.Locator("#dmarc")).ToContainTextAsync("No DMARC record");

        await dns.BreakZoneAsync(Domain, ConsoleHost.Token);
        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("#spf")).ToContainTextAsync("Lookup failed");
        await Assertions.Expect(page.Locator("#dmarc")).ToContainTextAsync("Lookup failed");
        await Assertions.Expect(page.Locator("#spf")).Not.ToContainTextAsync("No SPF record");
        await Assertions.Expect(page.Locator("#dmarc")).Not.ToContainTextAsync("No DMARC record");
    }

    private static async Task KeysInEveryStateAsync(ConsoleHost host)
    {
        var admin = Actor.LocalAdministrator;
        var owner = KeyOwner.ForDomain(Domain);
        async Task<KeyEntry> Make(string selector) =>
            (await host.Store.GenerateKeyAsync(admin, owner, new KeyGenerationRequest(selector, DkimKeyType.Ed25519), ConsoleHost.Token)).Value!;
        var revoked = await Make("revoked");
        await host.Store.ActivateKeyAsync(admin, revoked.Id, true, ConsoleHost.Token);
        await host.Store.RetireKeyAsync(admin, revoked.Id, ConsoleHost.Token);
        await host.Store.RevokeKeyAsync(admin, revoked.Id, ConsoleHost.Token);
        var retiring = await Make("retiring");
        await host.Store.ActivateKeyAsync(admin, retiring.Id, true, ConsoleHost.Token);
        await host.Store.RetireKeyAsync(admin, retiring.Id, ConsoleHost.Token);
        var active = await Make("active");
        await host.Store.ActivateKeyAsync(admin, active.Id, true, ConsoleHost.Token);
        await Make("pending");
    }
}
