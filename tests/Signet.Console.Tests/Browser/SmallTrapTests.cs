using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Signet.Console.Tests.Support;
using Signet.Dkim;
using Signet.Dkim.DnsText;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Console.Tests.Browser;

/// <summary>The small traps of the key pages: a choice that was forgotten, a label that pointed at another form's
/// field, destructive steps taken in one click, a "Both" pair with mismatched selectors.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Tier", "Integration")]
public sealed partial class SmallTrapTests(BrowserFixture browser)
{
    private const string Domain = "example.com";
    private static readonly string DomainPage = "/domains/" + Domain + "/dkim";

    [Fact]
    public async Task EscapeChoice_IsRememberedByTheBrowser()
    {
        await using var host = await StartAsync();
        await GenerateAsync(host, "s1");
        var page = await SignedInAsync(host);
        await page.GotoAsync(host.Url(DomainPage));
        string plain = await page.Locator("#key-s1-value").InputValueAsync();

        await page.GetByLabel("Escape the DNS string").First.CheckAsync();
        await page.ReloadAsync();

        string escaped = DkimDnsTextFormatter.Format("s1._domainkey." + Domain, plain, DkimDnsTextFormat.Escaped);
        await Assertions.Expect(page.Locator("#key-s1-value")).ToHaveValueAsync(escaped);
        await Assertions.Expect(page.GetByLabel("Escape the DNS string").First).ToBeCheckedAsync();
        await page.GetByLabel("Escape the DNS string").First.UncheckAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#key-s1-value")).ToHaveValueAsync(plain);
    }

    [Fact]
    public async Task ImportForm_SelectorLabel_NamesTheImportFormsOwnField()
    {
        await using var host = await StartAsync();
        var page = await SignedInAsync(host);
        await page.GotoAsync(host.Url(DomainPage));

        var import = page.Locator("form[action$='/import']");
        await import.GetByLabel("Selector", new() { Exact = true }).FillAsync("imported1");
        await import.GetByLabel("Private key (PEM, or an Ed25519 seed in base64)").FillAsync(Convert.ToBase64String(new byte[32]));
        await import.GetByRole(AriaRole.Button, new() { Name = "Import the key" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("imported1._domainkey");
        string[] duplicates = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[id]')].map(e => e.id).filter((id, i, all) => all.indexOf(id) !== i)");
        Assert.Empty(duplicates);
    }

    [Fact]
    public async Task Revoke_AsksFirst_AndCancelChangesNothing()
    {
        await using var host = await StartAsync();
        var key = await GenerateAsync(host, "old");
        await host.Store.ActivateKeyAsync(Actor.LocalAdministrator, key.Id, true, ConsoleHost.Token);
        await host.Store.RetireKeyAsync(Actor.LocalAdministrator, key.Id, ConsoleHost.Token);
        var page = await SignedInAsync(host);
        await page.GotoAsync(host.Url(DomainPage));

        await page.Locator("#key-old").GetByRole(AriaRole.Link, new() { Name = "Revoke (publish p= empty)…" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Revoke old?");
        Assert.Equal(KeyState.Retiring, await StateAsync(host, key.Id));
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel and go back" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(host.Url(DomainPage));
        Assert.Equal(KeyState.Retiring, await StateAsync(host, key.Id));

        await page.Locator("#key-old").GetByRole(AriaRole.Link, new() { Name = "Revoke (publish p= empty)…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke old" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("old is revoked");
        Assert.Equal(KeyState.Revoked, await StateAsync(host, key.Id));
    }

    [Fact]
    public async Task Delete_PostedWithoutConfirmation_IsNotDone()
    {
        await using var host = await StartAsync();
        var key = await GenerateAsync(host, "s1");
        var page = await SignedInAsync(host);
        await page.GotoAsync(host.Url(DomainPage));
        var form = page.APIRequest.CreateFormData();
        form.Set("__signet_form", await page.Locator("input[name='__signet_form']").First.InputValueAsync());

        var response = await page.APIRequest.PostAsync(host.Url($"{DomainPage}/keys/{key.Id}/delete"), new() { Form = form, MaxRedirects = 0 });

        Assert.Equal(302, response.Status);
        Assert.Equal($"{DomainPage}/keys/{key.Id}/delete", response.Headers["location"]);
        Assert.Equal(KeyState.Pending, await StateAsync(host, key.Id));
        await page.Locator("#key-s1").GetByRole(AriaRole.Link, new() { Name = "Delete…" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("This cannot be undone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete s1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("s1 is deleted");
        var deleted = await host.Store.GetKeyAsync(Actor.LocalAdministrator, key.Id, ConsoleHost.Token);
        Assert.True(!deleted.Succeeded || deleted.Value!.State == KeyState.Deleted, "the key is still there");
    }

    [Fact]
    public async Task ActivateAnyway_AsksFirst_ThenActivates()
    {
        await using var host = await StartAsync();
        var key = await GenerateAsync(host, "s1");
        await host.Store.CheckKeyDnsAsync(Actor.LocalAdministrator, key.Id, ConsoleHost.Token);
        var page = await SignedInAsync(host);
        await page.GotoAsync(host.Url(DomainPage));

        await page.Locator("#key-s1").GetByRole(AriaRole.Link, new() { Name = "Activate anyway…" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Activate s1 without a matching DNS record?");
        Assert.Equal(KeyState.Pending, await StateAsync(host, key.Id));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, activate anyway" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("s1 is active");
        Assert.Equal(KeyState.Active, await StateAsync(host, key.Id));
    }

    [Fact]
    public async Task RemoveDomain_AsksWithATickBoxThatSaysItIsRequired()
    {
        await using var host = await StartAsync();
        await GenerateAsync(host, "s1");
        var page = await SignedInAsync(host);
        await page.GotoAsync(host.Url("/server/domains"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Remove…" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync($"Remove {Domain}?");
        var agree = page.GetByRole(AriaRole.Checkbox, new() { NameRegex = DeleteKeysRequired() });
        await Assertions.Expect(agree).ToHaveAttributeAsync("required", "");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, remove {Domain}" }).ClickAsync();
        Assert.False(await agree.EvaluateAsync<bool>("box => box.validity.valid"));
        Assert.True((await host.Store.GetDomainAsync(Actor.LocalAdministrator, Domain, ConsoleHost.Token)).Succeeded);

        await agree.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, remove {Domain}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync($"{Domain} and its keys are removed");
    }

    [Fact]
    public async Task GenerateBoth_PairsTheEd25519SelectorWithTheRsaOne()
    {
        await using var host = await StartAsync();
        var page = await SignedInAsync(host);
        await page.GotoAsync(host.Url(DomainPage));
        var generate = page.Locator("form[action$='/generate']");

        await generate.GetByLabel("Selector", new() { Exact = true }).FillAsync("mail");
        await generate.GetByLabel("Key", new() { Exact = true }).SelectOptionAsync("both");
        await generate.GetByRole(AriaRole.Button, new() { Name = "Generate the key" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("mail._domainkey.example.com and maile._domainkey.example.com");

        await generate.GetByLabel("Key", new() { Exact = true }).SelectOptionAsync("both");
        await generate.GetByRole(AriaRole.Button, new() { Name = "Generate the key" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("s1._domainkey.example.com and s1e._domainkey.example.com");
        await Assertions.Expect(page.Locator("#key-s1e .meta")).ToContainTextAsync("Ed25519");
        await Assertions.Expect(page.Locator("#key-maile .meta")).ToContainTextAsync("Ed25519");
    }

    private static async Task<ConsoleHost> StartAsync()
    {
        var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        await host.AddDomainAsync(Domain);
        return host;
    }

    private async Task<IPage> SignedInAsync(ConsoleHost host)
    {
        var page = await browser.NewPageAsync();
        await ConsoleUser.SignInAsync(page, host, "admin");
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        return page;
    }

    private static async Task<KeyEntry> GenerateAsync(ConsoleHost host, string selector)
    {
        var made = await host.Store.GenerateKeyAsync(Actor.LocalAdministrator, KeyOwner.ForDomain(Domain),
            new KeyGenerationRequest(selector, DkimKeyType.Ed25519), ConsoleHost.Token);
        return made.Value ?? throw new InvalidOperationException(made.Error!.Message);
    }

    private static async Task<KeyState> StateAsync(ConsoleHost host, Guid id) =>
        (await host.Store.GetKeyAsync(Actor.LocalAdministrator, id, ConsoleHost.Token)).Value!.State;

    [GeneratedRegex("^Delete its keys too .*\\(required\\)")]
    private static partial Regex DeleteKeysRequired();
}
