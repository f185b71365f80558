using System.Diagnostics;
using System.Globalization;

namespace Signet.Bench;

/// <summary>Another implementation measured by its own harness, a command run as
/// <c>COMMAND FOLDER ALGORITHM SIZE sign|verify RUNS SECONDS</c> that prints messages per second (the median of its
/// runs) on the exported messages. It is run for each cell right after Signet and MimeKit, so the figures come
/// from the same minutes of the same machine.</summary>
public sealed class PeerHarness(string name, string command)
{
    public string Name { get; } = name;

    /// <summary>Parses <c>NAME=COMMAND</c>.</summary>
    public static PeerHarness Parse(string option)
    {
        int equals = option.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? new PeerHarness(option[..equals], option[(equals + 1)..])
            : throw new ArgumentException($"--peer wants NAME=COMMAND, not \"{option}\"", nameof(option));
    }

    /// <summary>Messages per second, or <see langword="null"/> with the reason on stderr when the harness failed.</summary>
    public double? Measure(string folder, string algorithm, string size, string operation, int runs, TimeSpan duration, bool smoke)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command + " \"$@\"");
        start.ArgumentList.Add(Name);
        foreach (string argument in new[] { folder, algorithm, size, operation, smoke ? "1" : runs.ToString(CultureInfo.InvariantCulture),
                     (smoke ? 0.01 : duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Name}: could not start {command}");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0 && double.TryParse(output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double rate))
        {
            return rate;
        }

        // Exit status 3: the peer cannot do this algorithm here (said on stderr); the cell reads n/a.
        Console.Error.WriteLine($"{Name} {algorithm} {size} {operation}: exit {process.ExitCode}: {error.Result.Trim()}");
        return null;
    }
}
