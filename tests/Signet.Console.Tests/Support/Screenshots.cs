using Microsoft.Playwright;
using Signet.Testing;

namespace Signet.Console.Tests.Support;

/// <summary>Keeps a full-page picture of each main page under TestResults/screenshots in the test output, so a reviewer
/// can judge the design without running the console.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<string> TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>The picture the documentation shows (docs/console.png).</summary>
    public static void Publish(string path) => File.Copy(path, Path.Combine(RepositoryPaths.Root, "docs", "console.png"), overwrite: true);
}
