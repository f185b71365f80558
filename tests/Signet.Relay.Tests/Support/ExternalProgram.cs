using System.Diagnostics;

namespace Signet.Relay.Tests.Support;

/// <summary>Runs a Debian program the tests use as a real peer; a missing one fails the test with what to install.</summary>
[Signet.Testing.OutsideServer]
internal static class ExternalProgram
{
    public static void Require(string path, string package)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: apt-get install {package}");
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string path, IEnumerable<string> arguments, TimeSpan timeout, string? standardInput = null)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(path + " did not start");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{path} did not finish within {timeout.TotalSeconds:0} s: {await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }
}
