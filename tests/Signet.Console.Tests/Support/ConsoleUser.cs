using Microsoft.Playwright;

namespace Signet.Console.Tests.Support;

/// <summary>What a person does in the browser, named as they would say it.</summary>
public static class ConsoleUser
{
    public const string Password = "correct horse battery";

    public static async Task SignInAsync(IPage page, ConsoleHost host, string name, string password = Password)
    {
        await page.GotoAsync(host.Url("/signin"));
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public static async Task<string> InputValueAsync(IPage page, string selector) => await page.Locator(selector).InputValueAsync();
}
