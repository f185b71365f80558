using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary><c>signet serve</c> warns, in one line at start, when its data folder is open to group or others, and
/// says nothing about a private one.</summary>
[Trait("Tier", "Integration")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServeDataFolderTests
{
    private const string Warning = "is open to group or others";

    [Fact]
    public async Task Serve_DataFolderOpenToOthers_WarnsOnceAtStart()
    {
        using var data = new TemporaryDirectory();
        File.SetUnixFileMode(data.Path, (UnixFileMode)0b111_101_101);
        await using var serve = await ServeProcess.StartAsync(data.Path, []);
        await WaitForAsync(() => serve.Output.Contains("Signet serving", StringComparison.Ordinal), serve);

        var lines = serve.Output.Split('\n').Where(l => l.Contains(Warning, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"expected one warning line:\n{serve.Output}");
        Assert.Contains("chmod 700 " + data.Path, lines[0], StringComparison.Ordinal);
        Assert.Contains("0755", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PrivateDataFolder_DoesNotWarn()
    {
        using var data = new TemporaryDirectory();
        File.SetUnixFileMode(data.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await using var serve = await ServeProcess.StartAsync(data.Path, []);
        await WaitForAsync(() => serve.Output.Contains("Signet serving", StringComparison.Ordinal), serve);

        Assert.DoesNotContain(Warning, serve.Output, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition, ServeProcess serve)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"serve did not log its start:\n{serve.Output}");
            await Task.Delay(50);
        }
    }
}
