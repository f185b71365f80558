using System.Diagnostics;
using Signet.Cli;
using Signet.Testing;

namespace Signet.Tests.Commands;

/// <summary>The --timeout help says what a silent DNS server really costs: timeout × attempts.</summary>
public class DnsTimeoutHelpTests
{
    [Theory]
    [InlineData("verify")]
    [InlineData("check-dns")]
    public async Task Help_TimeoutLine_NamesTheAttemptsAndTheirProduct(string command)
    {
        var run = await CliRun.Run(command, "--help");

        string help = run.OutputText.Replace("\n", " ", StringComparison.Ordinal);
        Assert.Matches(@"--timeout D +how long to wait for each DNS answer", help);
        Assert.Contains($"tried {Resolvers.Attempts} times in all", help);
        Assert.Contains($"timeout × {Resolvers.Attempts}", help);
    }

    [Fact]
    public async Task CheckDns_SilentServer_TakesTimeoutTimesAttempts_AsTheHelpSays()
    {
        using var silent = new SilentUdpEndpoint();
        var clock = Stopwatch.StartNew();

        var run = await CliRun.Run("check-dns", "--domain", "example.com", "--selector", "s1", "--resolver", silent.Endpoint.ToString(), "--timeout", "1s");

        clock.Stop();
        Assert.NotEqual(0, run.ExitCode);
        Assert.InRange(clock.Elapsed.TotalSeconds, Resolvers.Attempts * 1.0 - 0.2, Resolvers.Attempts * 1.0 + 1.5);
    }
}
