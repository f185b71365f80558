using System.Diagnostics;
using System.Text;

namespace Signet.Testing;

/// <summary>Everything the server processes of a fixture write to standard output and standard error, line by line and
/// safe to read while they run, so a failing start or test can show what the server said.</summary>
internal sealed class ProcessOutput
{
    private readonly StringBuilder _lines = new();

    /// <summary>Starts the program with both streams redirected into this log.</summary>
    public Process Start(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return _lines.ToString();
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.AppendLine(line);
        }
    }
}
