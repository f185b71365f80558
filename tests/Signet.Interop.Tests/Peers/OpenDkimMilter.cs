using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Signet.Interop.Tests.Peers;

/// <summary>One opendkim milter process, in the foreground, listening on a UNIX socket in its own directory.</summary>
[Signet.Testing.OutsideServer]
internal sealed class OpenDkimMilter : IAsyncDisposable
{
    public const string OpenDkimPath = "/usr/sbin/opendkim";
    private const int TerminateSignal = 15;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    // libmilter notices SIGTERM between waits of up to five seconds.
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private OpenDkimMilter(Process process, StringBuilder output, string socketPath)
    {
        _process = process;
        _output = output;
        SocketPath = socketPath;
    }

    public string SocketPath { get; }

    /// <summary>Writes <c>opendkim.conf</c> with <paramref name="settings"/> into <paramref name="directory"/>, starts the
    /// milter, and returns once it accepts connections.</summary>
    public static async Task<OpenDkimMilter> StartAsync(string directory, IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        string socketPath = Path.Combine(directory, "milter.sock");
        string configuration = Path.Combine(directory, "opendkim.conf");
        await File.WriteAllLinesAsync(configuration, [$"Socket local:{socketPath}", .. settings], cancellationToken).ConfigureAwait(false);

        var output = new StringBuilder();
        var process = Start(["-f", "-x", configuration], output);
        var milter = new OpenDkimMilter(process, output, socketPath);
        try
        {
            await milter.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
            return milter;
        }
        catch
        {
            await milter.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What the milter wrote to stdout and stderr so far.</summary>
    public string Diagnostics()
    {
        string exit = _process.HasExited ? $"opendkim exited with status {_process.ExitCode}. " : string.Empty;
        lock (_output)
        {
            return exit + _output;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (_process)
        {
            if (!_process.HasExited && SendSignal(_process.Id, TerminateSignal) == 0)
            {
                using var timeout = new CancellationTokenSource(StopTimeout);
                try
                {
                    await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Did not stop on SIGTERM; killed below.
                }
            }

            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException($"opendkim exited with status {_process.ExitCode} at start: {Diagnostics()}");
            }

            if (File.Exists(SocketPath) && await AcceptsAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"opendkim did not listen on {SocketPath} within {StartTimeout.TotalSeconds} s: {Diagnostics()}");
    }

    private async Task<bool> AcceptsAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            // The socket file is there before the milter listens on it.
            return false;
        }
    }

    private static Process Start(IEnumerable<string> arguments, StringBuilder output)
    {
        var start = new ProcessStartInfo(OpenDkimPath, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Record(output, line.Data);
        process.ErrorDataReceived += (_, line) => Record(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Record(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    // SIGTERM, the way a service manager stops the milter (Process.Kill sends SIGKILL).
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);
}
