using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text;
using Signet.Testing;

namespace Signet.Testing.Serve;

/// <summary><c>signet serve</c> as users run it: the built signet.dll started with <c>dotnet</c> as a child process,
/// on free loopback ports, stopped with SIGTERM as a service manager stops it.</summary>
[Signet.Testing.OutsideServer]
public sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(40);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process, int milterPort, int httpPort)
    {
        _process = process;
        MilterPort = milterPort;
        HttpPort = httpPort;
    }

    public int MilterPort { get; }

    /// <summary>The operating-system process, to sample in /proc.</summary>
    public int ProcessId => _process.Id;

    public int HttpPort { get; }

    public Uri HealthUrl => new($"http://127.0.0.1:{HttpPort}/health");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string SignetDll
    {
        get
        {
            string path = Path.Combine(AppContext.BaseDirectory, "signet.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"signet.dll is not beside the tests ({path}): build tests/Signet.Tests");
        }
    }

    /// <summary>Starts serve on the given (or free) ports with <paramref name="arguments"/> added, and waits until
    /// /health answers 200.</summary>
    public static async Task<ServeProcess> StartAsync(
        string dataDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        int? milterPort = null,
        int? httpPort = null)
    {
        int milter = milterPort ?? LoopbackPorts.FindFreeTcpAndUdpPort();
        int http = httpPort ?? LoopbackPorts.FindFreeTcpAndUdpPort();
        var process = Launch(["serve", "--data", dataDirectory, "--milter", $"127.0.0.1:{milter}", "--urls", $"http://127.0.0.1:{http}", .. arguments], environment);
        var serve = new ServeProcess(process, milter, http);
        serve.Attach();
        try
        {
            await serve.WaitUntilHealthyAsync().ConfigureAwait(false);
            return serve;
        }
        catch
        {
            await serve.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs <c>signet</c> to its end (for start failures): exit status and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToEndAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Launch(arguments, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>SIGTERM, then the exit status once it has stopped.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            Terminate();
        }

        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    public void Terminate()
    {
        if (SendSignal(_process.Id, 15) != 0)
        {
            throw new InvalidOperationException("SIGTERM could not be sent to signet serve");
        }
    }

    public Task Exited => _exited.Task;

    /// <summary>SIGKILL, as a crash or the out-of-memory killer ends it: no shutdown at all. Returns once it has exited.</summary>
    public async Task KillAsync(TimeSpan timeout)
    {
        _process.Kill();
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private static Process Launch(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        string dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SignetDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private void Attach()
    {
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _exited.TrySetResult();
        _process.OutputDataReceived += (_, line) => Record(line.Data);
        _process.ErrorDataReceived += (_, line) => Record(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (_process.HasExited)
        {
            _exited.TrySetResult();
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"signet serve exited with {_process.ExitCode} at start:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(HealthUrl).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"signet serve was not healthy within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);
}
