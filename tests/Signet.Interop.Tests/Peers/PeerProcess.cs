using System.Diagnostics;

namespace Signet.Interop.Tests.Peers;

/// <summary>Runs a peer's program to completion and hands back what it printed. A program that is missing or
/// fails is an infrastructure fault of the test run, so it throws with the program's own words.</summary>
[Signet.Testing.OutsideServer]
public static class PeerProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public sealed record Output(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs <paramref name="program"/>; returns its output whatever its exit status.</summary>
    public static async Task<Output> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"{program} could not be started: {error.Message}", error);
        }

        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {Timeout.TotalMinutes} minutes");
        }

        return new Output(process.ExitCode, await standardOutput.ConfigureAwait(false), await standardError.ConfigureAwait(false));
    }

    /// <summary>Runs <paramref name="program"/> and requires exit status 0.</summary>
    public static async Task<string> RunCheckedAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var output = await RunAsync(program, arguments, cancellationToken).ConfigureAwait(false);
        return output.ExitCode == 0
            ? output.StandardOutput
            : throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {output.ExitCode}: {output.StandardError.Trim()} {output.StandardOutput.Trim()}");
    }
}
