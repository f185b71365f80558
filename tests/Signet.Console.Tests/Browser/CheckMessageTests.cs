using Microsoft.Playwright;
using Signet.Console.Tests.Support;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Console.Tests.Browser;

[Collection(BrowserGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class CheckMessageTests(BrowserFixture browser)
{
    private const string Message =
        "From: Someone <someone@example.com>\r\nTo: you@example.org\r\nSubject: hello\r\n" +
        "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s1; h=from:to; bh=AAAA; b=BBBB\r\n\r\nHello.\r\n";

    [Fact]
    public async Task PastedMessage_ShowsEachSignaturesResultReasonAndAuthenticationResults()
    {
        // example.com publishes no key at s1: the signature's key lookup gets NXDOMAIN, a permanent error.
        await using var dns = await AuthoritativeDnsServer.StartAsync("example.com", ["www IN A 127.0.0.1"], ConsoleHost.Token);
        await using var host = await ConsoleHost.StartAsync(dns);
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        await host.Store.UpdateServerSettingsAsync(Signet.Store.Access.Actor.LocalAdministrator, "mx.example.net", null, ConsoleHost.Token);
        var page = await browser.NewPageAsync();
        await ConsoleUser.SignInAsync(page, host, "admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "Check a message" }).ClickAsync();
        await page.GetByLabel("The message, header and body, as received").FillAsync(Message);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the message" }).ClickAsync();

        var result = page.Locator("#check-result");
        await Assertions.Expect(result.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(result.Locator("tbody tr")).ToContainTextAsync("example.com");
        await Assertions.Expect(result.Locator("tbody .badge").First).ToHaveTextAsync("permerror");
        string authenticationResults = await page.Locator("#authentication-results").InputValueAsync();
        Assert.StartsWith("Authentication-Results: mx.example.net;", authenticationResults, StringComparison.Ordinal);
        Assert.Contains("dkim=permerror", authenticationResults, StringComparison.Ordinal);
        Assert.Contains("header.d=example.com", authenticationResults, StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "08-check-message");
    }
}
