using System.Diagnostics;
using System.Net;
using Signet.Milter.Tests.Support;

namespace Signet.Milter.Tests.Interop;

/// <summary>Debian's miltertest, an independent milter client driven by Lua scripts, against our TCP port.</summary>
[Trait("Tier", "Integration")]
public sealed class MiltertestTests
{
    [Theory]
    [InlineData("sign.lua")]
    [InlineData("verify.lua")]
    [InlineData("malformed.lua")]
    public async Task Miltertest_Script_Passes(string script)
    {
        string miltertest = FindMiltertest();
        var options = DkimMilterHarness.DefaultOptions with { MaximumPacketSize = 65536 };
        await using var harness = await DkimMilterHarness.StartAsync(options);
        int port = ((IPEndPoint)harness.EndPoint).Port;
        string path = Path.Combine(AppContext.BaseDirectory, "miltertest", script);

        var (exitCode, output) = await RunAsync(miltertest, "-v", "-D", $"port={port}", "-s", path);

        Assert.True(exitCode == 0, $"miltertest {script} exited with {exitCode}:\n{output}");
    }

    private static string FindMiltertest()
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            string candidate = Path.Combine(directory, "miltertest");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("miltertest is not installed: apt-get install miltertest");
        return string.Empty;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "miltertest did not finish within 60 s\n" + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
