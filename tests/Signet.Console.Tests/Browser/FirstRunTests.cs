using Microsoft.Playwright;
using Signet.Console.Tests.Support;

namespace Signet.Console.Tests.Browser;

[Collection(BrowserGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class FirstRunTests(BrowserFixture browser)
{
    [Fact]
    public async Task SetupLink_CreatesTheFirstServerAdmin_ThenNoLongerWorks()
    {
        await using var host = await ConsoleHost.StartAsync();
        string link = await host.Setup.CreateSetupLinkIfNoAdministratorAsync(host.BaseUrl, ConsoleHost.Token)
            ?? throw new InvalidOperationException("no set-up link on a fresh store");
        var page = await browser.NewPageAsync();

        await page.GotoAsync(link);
        await Screenshots.TakeAsync(page, "01-setup");
        await page.GetByLabel("Your user name").FillAsync("admin");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ConsoleUser.Password);
        await page.GetByLabel("The password again").FillAsync(ConsoleUser.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the server admin" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(host.Url("/server/dkim"));
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("admin is the first server admin");
        Assert.Null(await host.Setup.CreateSetupLinkIfNoAdministratorAsync(host.BaseUrl, ConsoleHost.Token));
        var again = await (await browser.NewPageAsync()).GotoAsync(link);
        Assert.Equal(404, again!.Status);
    }

    [Fact]
    public async Task ServerDkim_GenerateKey_ShowsRecordNameAndTheNotAlignedNotice()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("admin", ConsoleUser.Password, Signet.Store.Model.UserRole.ServerAdmin);
        var page = await browser.NewPageAsync();
        await ConsoleUser.SignInAsync(page, host, "admin");
        await Assertions.Expect(page).ToHaveURLAsync(host.Url("/server/dkim"));

        await page.GetByLabel("Host name").FillAsync("mail.example.net");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the host name" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate the key" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn server-wide signing on" }).ClickAsync();

        Assert.Equal("s1._domainkey.mail.example.net", await page.Locator("#key-s1-name").InputValueAsync());
        Assert.StartsWith("v=DKIM1; k=rsa; p=", await page.Locator("#key-s1-value").InputValueAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("not aligned with the From domain");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Domain keys are the preferred way");
        // Turned on, but the only key is pending: the badge says what happens to the next message.
        await Assertions.Expect(page.GetByText("Server-wide signing is on but not signing: no active key — publish s1, then activate", new() { Exact = true })).ToBeVisibleAsync();
        Screenshots.Publish(await Screenshots.TakeAsync(page, "02-server-dkim"), "console.png");
    }
}
