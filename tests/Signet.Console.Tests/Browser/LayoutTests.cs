using Microsoft.Playwright;
using Signet.Console.Tests.Support;

namespace Signet.Console.Tests.Browser;

/// <summary>Long text never breaks the layout: every page, on a phone (390 px) and a laptop (1280 px), filled with the
/// longest realistic content, is no wider than the window, nothing runs out of its card, and every table column is
/// visible without scrolling sideways.</summary>
[Collection(BrowserGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class LayoutTests(BrowserFixture browser)
{
    private static readonly int[] Widths = [390, 1280];

    // What a reader would call overflowing: the page wider than the window, or a box whose content runs past its edge.
    private const string Overflows = """
        () => {
          const problems = [];
          const root = document.documentElement;
          if (root.scrollWidth > root.clientWidth) problems.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
          const boxes = document.querySelectorAll("header.top, main, main .card, main .flash, main .notice, main .table-wrap, main .dns-check, main li, main td, main th, main p, main h1, main h2, main h3");
          const shownToScreenReadersOnly = (box) => {
            for (let e = box.parentElement; e; e = e.parentElement) if (e.getBoundingClientRect().width <= 1) return true;
            return false;
          };
          for (const box of boxes) {
            if (box.scrollWidth > box.clientWidth + 1 && !shownToScreenReadersOnly(box)) {
              const name = box.tagName.toLowerCase() + (box.id ? "#" + box.id : "") + (box.className ? "." + String(box.className).replace(/ /g, ".") : "");
              problems.push(`${name} overflows (${box.scrollWidth} > ${box.clientWidth} px): "${box.textContent.trim().slice(0, 60)}"`);
            }
          }
          return problems;
        }
        """;

    [Fact]
    public async Task EveryPage_AtPhoneAndLaptopWidth_FitsTheWindow()
    {
        await using var console = await LongContentConsole.StartAsync();
        var problems = new List<string>();
        foreach (var group in LongContentConsole.Pages.Concat(LongContentConsole.ConfirmationPages).GroupBy(p => p.User))
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(console.Host.Url("/signin"));
            problems.AddRange(await MeasureAsync(page, "/signin"));
            await ConsoleUser.SignInAsync(page, console.Host, group.Key);
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
            foreach (var (path, _) in group)
            {
                var response = await page.GotoAsync(console.Host.Url(await console.ResolveAsync(path)));
                if (!response!.Ok)
                {
                    problems.Add($"{path} answered {response.Status}");
                    continue;
                }

                problems.AddRange(await MeasureAsync(page, path));
            }

            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task CannotActivateBanner_WithTheWholeKey_WrapsInsideTheWindow()
    {
        await using var console = await LongContentConsole.StartAsync();
        var page = await browser.NewPageAsync();
        await ConsoleUser.SignInAsync(page, console.Host, LongContentConsole.ServerAdmin);
        await page.GotoAsync(console.Host.Url("/server/dkim"));

        await page.Locator("#key-s1").GetByRole(AriaRole.Button, new() { Name = "Activate (start signing)" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash.bad")).ToContainTextAsync("cannot be activated yet");
        var problems = await MeasureAsync(page, "/server/dkim after a refused activation");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Measures the loaded page at each width; resizing relays it out without reloading, so a one-time
    /// banner is measured at both.</summary>
    private static async Task<List<string>> MeasureAsync(IPage page, string what)
    {
        var problems = new List<string>();
        foreach (int width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.WaitForFunctionAsync($"() => document.documentElement.clientWidth <= {width}");
            foreach (string problem in await page.EvaluateAsync<string[]>(Overflows))
            {
                problems.Add($"{what} at {width} px: {problem}");
            }
        }

        return problems;
    }
}
