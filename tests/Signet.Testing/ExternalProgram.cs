using System.Diagnostics;

namespace Signet.Testing;

/// <summary>Runs a program to its end and returns its exit status with everything it wrote (standard output, then
/// standard error), for the fixtures that drive Debian's own tools.</summary>
internal static class ExternalProgram
{
    public static async Task<(int Code, string Output)> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
    }

    /// <summary>As <see cref="RunAsync"/>, failing with the program's words when it exits with a status other than 0.</summary>
    public static async Task<string> RunCheckedAsync(
        string program,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var (code, output) = await RunAsync(program, arguments, cancellationToken, workingDirectory, environment).ConfigureAwait(false);
        return code == 0 ? output : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {code}: {output}");
    }
}
