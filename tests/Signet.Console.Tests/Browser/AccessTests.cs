using Microsoft.Playwright;
using Signet.Console.Tests.Support;
using Signet.Store.Model;

namespace Signet.Console.Tests.Browser;

/// <summary>What the console refuses: other people's domains, forged forms, password guessing.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class AccessTests(BrowserFixture browser)
{
    [Fact]
    public async Task DomainAdmin_AnotherDomainsPage_Answers404AndServerPages403()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddDomainAsync("mine.example");
        await host.AddDomainAsync("theirs.example");
        await host.AddUserAsync("bob", ConsoleUser.Password, UserRole.DomainAdmin, "mine.example");
        var page = await browser.NewPageAsync();
        await ConsoleUser.SignInAsync(page, host, "bob");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "mine.example" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("theirs.example")).ToHaveCountAsync(0);
        var other = await page.GotoAsync(host.Url("/domains/theirs.example/dkim"));
        Assert.Equal(404, other!.Status);
        await Assertions.Expect(page.GetByText("theirs.example")).ToHaveCountAsync(0);
        var server = await page.GotoAsync(host.Url("/server/dkim"));
        Assert.Equal(403, server!.Status);
        var form = page.APIRequest.CreateFormData();
        form.Set("__signet_form", await TokenAsync(page, host));
        form.Set("selector", "s1");
        form.Set("kind", "ed25519");
        var generate = await page.APIRequest.PostAsync(host.Url("/domains/theirs.example/dkim/generate"), new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(404, generate.Status);
        Assert.Empty((await host.Store.ListKeysAsync(Signet.Store.Access.Actor.LocalAdministrator, KeyOwner.ForDomain("theirs.example"), ConsoleHost.Token)).Value!);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRefused()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        var page = await browser.NewPageAsync();
        await ConsoleUser.SignInAsync(page, host, "admin");

        var form = page.APIRequest.CreateFormData();
        form.Set("domain", "forged.example");
        var response = await page.APIRequest.PostAsync(host.Url("/server/domains/add"), new() { Form = form, MaxRedirects = 0 });

        Assert.Equal(400, response.Status);
        Assert.Contains("did not come from this console", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Empty((await host.Store.ListDomainsAsync(Signet.Store.Access.Actor.LocalAdministrator, ConsoleHost.Token)).Value!);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_IsThrottledWithAMessage()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("carol", ConsoleUser.Password, UserRole.ServerAdmin);
        var page = await browser.NewPageAsync();
        for (int i = 0; i < 5; i++)
        {
            await ConsoleUser.SignInAsync(page, host, "carol", "wrong password " + i);
            await Assertions.Expect(page.Locator(".flash.bad")).ToContainTextAsync("do not match");
        }

        await ConsoleUser.SignInAsync(page, host, "carol");

        await Assertions.Expect(page.Locator(".flash.bad")).ToContainTextAsync("Too many failed sign-in attempts for this user or from this address");
        await Assertions.Expect(page).ToHaveURLAsync(host.Url("/signin"));
        await Screenshots.TakeAsync(page, "00-sign-in-throttled");
    }

    private static async Task<string> TokenAsync(IPage page, ConsoleHost host)
    {
        await page.GotoAsync(host.Url("/domains"));
        return await page.Locator("input[name='__signet_form']").First.InputValueAsync();
    }
}
