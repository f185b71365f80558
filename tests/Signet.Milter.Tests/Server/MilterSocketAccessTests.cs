using System.Diagnostics;
using Signet.Milter.Server;
using Signet.Milter.Tests.Support;

namespace Signet.Milter.Tests.Server;

/// <summary>The milter socket is reachable by the MTA alone: a Unix socket mode 0660 owned by the configured group,
/// and no TCP listener on a network address unless explicitly allowed.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MilterSocketAccessTests
{
    [Fact]
    public async Task UnixSocket_WithSocketGroup_IsMode0660AndOwnedByThatGroup()
    {
        await using var harness = await DkimMilterHarness.StartAsync(DkimMilterHarness.DefaultOptions with { SocketGroup = "postfix" }, unixSocket: true);
        string path = ((System.Net.Sockets.UnixDomainSocketEndPoint)harness.EndPoint).ToString();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, File.GetUnixFileMode(path));
        Assert.Equal("postfix", await StatAsync("%G", path));
    }

    [Fact]
    public async Task UnixSocket_WithAGroupThatDoesNotExist_FailsToStartSayingSo()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DkimMilterHarness.StartAsync(DkimMilterHarness.DefaultOptions with { SocketGroup = "no-such-group-x9" }, unixSocket: true));

        Assert.Contains("no group named \"no-such-group-x9\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0:8891")]
    [InlineData("*:8891")]
    [InlineData("inet:8891@192.0.2.1")]
    [InlineData("[::]:8891")]
    public void Validate_NetworkAddress_IsRefusedNamingTheOption(string listen)
    {
        var options = new MilterOptions { Listen = listen };

        var error = Assert.Single(options.Validate());
        Assert.Contains("AllowNetworkListener", error, StringComparison.Ordinal);
        Assert.Empty((options with { AllowNetworkListener = true }).Validate());
    }

    [Theory]
    [InlineData("127.0.0.1:8891")]
    [InlineData("[::1]:8891")]
    [InlineData("localhost:8891")]
    [InlineData("unix:/run/signet/milter.sock")]
    public void Validate_LoopbackOrUnixSocket_IsAccepted(string listen) =>
        Assert.Empty(new MilterOptions { Listen = listen }.Validate());

    private static async Task<string> StatAsync(string format, string path)
    {
        var start = new ProcessStartInfo("/usr/bin/stat", ["-c", format, path]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
