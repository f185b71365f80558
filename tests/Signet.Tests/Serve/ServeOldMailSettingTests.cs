using System.Text.RegularExpressions;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>A shared mail setting in its old place keeps working, and whoever runs Signet learns it is old where they
/// look: <c>signet config check</c> names an old spelling in the environment, and a real <c>signet serve</c> logs one
/// warning per old key at start, with the new spelling.</summary>
[Trait("Tier", "Integration")]
public sealed partial class ServeOldMailSettingTests
{
    [Fact]
    public async Task ConfigCheck_OldKeysInTheEnvironment_AreNamedAsGivenWithTheirNewSpelling()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("signet.conf");
        await File.WriteAllTextAsync(path, "HostName = host.example.com\n[Mail]\nAuthservId = mx.example.com\n");

        var (code, output, error) = await ServeProcess.RunToEndAsync(["config", "check", path], new Dictionary<string, string>
        {
            ["SIGNET_MILTER__AUTHSERVID"] = "env.example.com",
            ["SIGNET_RELAY__INTERNALNETWORKS__0"] = "192.0.2.0/24",
            ["SIGNET_RELAY__INTERNALNETWORKS__1"] = "198.51.100.0/24",
        });

        Assert.True(code == 0, error);
        Assert.Equal($"{path}: ok", output.Trim());
        Assert.Equal(
            [
                "signet config: environment: SIGNET_MILTER__AUTHSERVID is an old spelling, still read: write SIGNET_MAIL__AUTHSERVID instead",
                "signet config: environment: SIGNET_RELAY__INTERNALNETWORKS__0 is an old spelling, still read: write SIGNET_MAIL__INTERNALNETWORKS__0 instead",
                "signet config: environment: SIGNET_RELAY__INTERNALNETWORKS__1 is an old spelling, still read: write SIGNET_MAIL__INTERNALNETWORKS__1 instead",
            ],
            Lines(error).Where(line => line.Contains("old spelling", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Serve_OldKeysInTheFileAndTheEnvironment_LogsOneWarningEachOnceStarted()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("signet.conf");
        await File.WriteAllTextAsync(path, "[Milter]\nAuthservId = file.example.com\n");
        await using var serve = await ServeProcess.StartAsync(directory.File("data"),
            ["--config", path, "--hostname", "mail.example.net", "--resolver", $"127.0.0.1:{LoopbackPorts.FindFreeTcpAndUdpPort()}"],
            new Dictionary<string, string> { ["SIGNET_MILTER__MAXIMUMSIGNATURES"] = "4" });

        Assert.Equal(0, await serve.StopAsync(TimeSpan.FromSeconds(30)));

        var warnings = OldSpellingWarning().Matches(serve.Output).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        Assert.True(warnings.Count == 2, serve.Output);
        string[] expected =
        [
            "environment: SIGNET_MILTER__MAXIMUMSIGNATURES is an old spelling, still read: write SIGNET_MAIL__MAXIMUMSIGNATURES instead",
            $"{path}: [Milter] AuthservId is an old spelling, still read: write [Mail] AuthservId instead",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), warnings);
        // The warning comes after the start-up line, once the host is up.
        Assert.True(serve.Output.IndexOf("Signet.Serve[4000]", StringComparison.Ordinal) < serve.Output.IndexOf("Signet.Serve[4013]", StringComparison.Ordinal), serve.Output);
    }

    [Fact]
    public async Task Serve_OnlyNewKeys_LogsNoOldSpellingWarning()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("signet.conf");
        await File.WriteAllTextAsync(path, "[Mail]\nAuthservId = file.example.com\nMaximumSignatures = 4\n");
        await using var serve = await ServeProcess.StartAsync(directory.File("data"),
            ["--config", path, "--hostname", "mail.example.net", "--resolver", $"127.0.0.1:{LoopbackPorts.FindFreeTcpAndUdpPort()}"]);

        Assert.Equal(0, await serve.StopAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("Signet.Serve[4000]", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Signet.Serve[4013]", serve.Output, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"(?m)^\S+ \S+ warn: Signet\.Serve\[4013\] (.+?)\r?$")]
    private static partial Regex OldSpellingWarning();
}
