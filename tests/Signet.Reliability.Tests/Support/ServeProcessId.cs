using System.Diagnostics;
using Signet.Tests.Serve;

namespace Signet.Reliability.Tests.Support;

/// <summary>Finds the operating-system process of a <see cref="ServeProcess"/> this test started (by its own milter
/// port on its command line), to sample it in /proc or kill it with SIGKILL.</summary>
internal static class ServeProcessId
{
    public static int Of(ServeProcess serve)
    {
        string milter = $"127.0.0.1:{serve.MilterPort}";
        foreach (string directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int pid))
            {
                continue;
            }

            string[] arguments;
            try
            {
                arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (arguments.Contains("serve") && arguments.Contains("--milter") && arguments.Contains(milter))
            {
                return pid;
            }
        }

        throw new InvalidOperationException($"no signet serve process with --milter {milter}");
    }

    /// <summary>SIGKILL: no shutdown, no finishing of the messages in progress.</summary>
    public static async Task KillAsync(this ServeProcess serve)
    {
        using (var process = Process.GetProcessById(Of(serve)))
        {
            process.Kill();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await serve.Exited.WaitAsync(deadline.Token);
        await serve.DisposeAsync();
    }
}
