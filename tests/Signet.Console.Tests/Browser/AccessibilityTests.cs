using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Signet.Console.Tests.Support;

namespace Signet.Console.Tests.Browser;

/// <summary>An automated accessibility pass (axe-core, in the browser) over every console page, including the
/// confirmation pages of destructive steps: no serious or critical violation (a field without its label, an id used
/// twice, text without contrast...).</summary>
[Collection(BrowserGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task EveryPage_HasNoSeriousOrCriticalViolation()
    {
        await using var console = await LongContentConsole.StartAsync();
        var found = new List<string>();
        foreach (var group in LongContentConsole.Pages.Concat(LongContentConsole.ConfirmationPages).GroupBy(p => p.User))
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(console.Host.Url("/signin"));
            found.AddRange(await ViolationsAsync(page, "/signin"));
            await ConsoleUser.SignInAsync(page, console.Host, group.Key);
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
            foreach (var (path, _) in group)
            {
                string resolved = await console.ResolveAsync(path);
                var response = await OpenAsync(page, console.Host.Url(resolved));
                if (response is null || !response.Ok)
                {
                    found.Add($"{resolved} answered {response?.Status.ToString() ?? "nothing a browser shows"}");
                    continue;
                }

                found.AddRange(await ViolationsAsync(page, resolved));
            }

            await page.Context.CloseAsync();
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    // An empty error answer (405, say) is a navigation error to Chromium: it is reported as a finding, not a crash.
    private static async Task<IResponse?> OpenAsync(IPage page, string url)
    {
        try
        {
            return await page.GotoAsync(url);
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path)
    {
        var result = await page.RunAxe();
        Assert.True(result.Passes.Length > 0, $"axe-core checked nothing on {path}");
        // axe-core no longer reports a repeated id by itself, yet a repeated id sends a label to another form's field.
        string[] repeated = await page.EvaluateAsync<string[]>(
            "() => [...new Set([...document.querySelectorAll('[id]')].map(e => e.id).filter((id, i, all) => all.indexOf(id) !== i))]");
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .Concat(repeated.Select(id => $"{path}: the id {id} is used more than once"));
    }
}
