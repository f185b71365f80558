using System.Text;
using Signet.Cli;

namespace Signet.Interop.Tests;

/// <summary>Runs a signet command in-process, as a user would run it, with the given standard input.</summary>
public sealed record SignetCli(int ExitCode, byte[] Output, string Error)
{
    public string OutputText => Encoding.UTF8.GetString(Output);

    public static Task<SignetCli> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        RunAsync([], args, cancellationToken);

    public static async Task<SignetCli> RunAsync(byte[] input, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        using var standardInput = new MemoryStream(input, writable: false);
        using var standardOutput = new MemoryStream();
        using var standardError = new StringWriter();
        int code = await SignetCommandLine.RunAsync([.. args], new CliConsole(standardInput, standardOutput, standardError), cancellationToken)
            .ConfigureAwait(false);
        return new SignetCli(code, standardOutput.ToArray(), standardError.ToString());
    }

    /// <summary>Runs a command that must succeed, e.g. keygen or sign in the fixture.</summary>
    public static async Task<byte[]> RunCheckedAsync(byte[] input, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var run = await RunAsync(input, args, cancellationToken).ConfigureAwait(false);
        return run.ExitCode == 0
            ? run.Output
            : throw new InvalidOperationException($"signet {string.Join(' ', args)} exited with {run.ExitCode}: {run.Error.Trim()}");
    }
}
