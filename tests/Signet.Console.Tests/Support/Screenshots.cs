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

    /// <summary>Copies a picture to docs/ under <paramref name="docsName"/> (console.png, console-domain.png), so the
    /// documentation always shows the pages as they are.</summary>
    public static void Publish(string path, string docsName) => File.Copy(path, Path.Combine(RepositoryPaths.Root, "docs", docsName), overwrite: true);
}
