using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Signet.Testing;

/// <summary>A private Exim from Debian's exim4-daemon-light, unpacked from its .deb (it conflicts with the installed
/// Postfix as a package), started with a configuration file of the test's (<c>-C</c>): SMTP on a free loopback port,
/// its spool and logs in a temporary directory removed at the end, and the routers and transports the test gives
/// (the ones docs/exim.md documents). Runs as root (as CI does), like a real Exim daemon.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[OutsideServer]
public sealed class EximServer : IAsyncDisposable
{
    /// <summary>Exim, the library it links that a Postfix machine lacks, and nss_wrapper (see <see cref="NssWrapper"/>).</summary>
    public static readonly IReadOnlyList<string> Packages = ["exim4-daemon-light", "libidn12", NssWrapper.Package];

    private readonly string _directory;
    private readonly ProcessOutput _output = new();
    private Process? _daemon;

    private EximServer(string directory, IPEndPoint smtpEndpoint)
    {
        _directory = directory;
        SmtpEndpoint = smtpEndpoint;
    }

    public IPEndPoint SmtpEndpoint { get; }

    public string MainLog => Path.Combine(_directory, "log", "mainlog");

    /// <summary>Starts Exim with <paramref name="routers"/> and <paramref name="transports"/> (configuration lines
    /// for its routers and transports sections).</summary>
    public static async Task<EximServer> StartAsync(IReadOnlyList<string> routers, IReadOnlyList<string> transports, CancellationToken cancellationToken)
    {
        TestTier.EnsureOutsideServersAllowed("Exim");
        ArgumentNullException.ThrowIfNull(routers);
        ArgumentNullException.ThrowIfNull(transports);
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("a private Exim daemon needs root (it binds, spools and delivers as root)");
        }

        string exim = await DebianPackageFiles.UnpackAsync("exim4-daemon-light", cancellationToken).ConfigureAwait(false);
        string libraries = await DebianPackageFiles.LibraryPathAsync(Packages, cancellationToken).ConfigureAwait(false);
        string directory = Directory.CreateTempSubdirectory("signet-exim-").FullName;
        // Exim's delivery processes run as its user and write below the spool.
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        var server = new EximServer(directory, new IPEndPoint(IPAddress.Loopback, LoopbackPorts.FindFreeTcpAndUdpPort()));
        try
        {
            string program = DebianPackageFiles.CopyProgram(Path.Combine(exim, "usr", "sbin", "exim4"), directory);
            // Debian builds Exim to run as the user Debian-exim, which its exim4-base package would add; nss_wrapper
            // lends it the uid and gid of nobody instead.
            var environment = await NssWrapper.EnvironmentAsync(directory, "mx.signet.test", new Dictionary<string, string> { ["Debian-exim"] = "65534:65534" }, cancellationToken).ConfigureAwait(false);
            environment["LD_LIBRARY_PATH"] = libraries;
            foreach (string folder in new[] { "spool", "log" })
            {
                Directory.CreateDirectory(Path.Combine(directory, folder)).UnixFileMode = (UnixFileMode)0b111_111_111;
            }

            string configuration = Path.Combine(directory, "exim.conf");
            await File.WriteAllTextAsync(configuration, EximConfiguration.File(program, directory, server.SmtpEndpoint, [.. environment.Keys], routers, transports), cancellationToken).ConfigureAwait(false);
            await ExternalProgram.RunCheckedAsync(program, ["-C", configuration, "-bV"], cancellationToken, directory, environment).ConfigureAwait(false);
            server.Start(program, configuration, environment);
            await server.WaitUntilListeningAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Exim's main and panic logs and what the daemon wrote, for a failing test to show.</summary>
    public Task<string> DescribeAsync()
    {
        var text = new StringBuilder();
        text.Append(_output);

        foreach (string log in Directory.EnumerateFiles(Path.Combine(_directory, "log")))
        {
            text.AppendLine(log).AppendLine(File.ReadAllText(log));
        }

        return Task.FromResult(text.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_daemon is { } daemon)
        {
            if (!daemon.HasExited)
            {
                _ = SendSignal(daemon.Id, 15);
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await daemon.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    daemon.Kill(entireProcessTree: true);
                }
            }

            daemon.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A delivery process still closing a spool file; the system cleans the temporary directory later.
        }
    }

    // -bdf: the SMTP daemon in the foreground, so the fixture owns its process; -q5s: deferred mail is retried every
    // 5 seconds.
    private void Start(string program, string configuration, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _directory };
        foreach (string argument in new[] { "-C", configuration, "-bdf", "-q5s" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _daemon = _output.Start(start);
    }

    private async Task WaitUntilListeningAsync()
    {
        await Eventually.Until(
            async () =>
            {
                if (_daemon!.HasExited)
                {
                    throw new InvalidOperationException($"Exim exited with {_daemon.ExitCode} at start:\n{await DescribeAsync().ConfigureAwait(false)}");
                }

                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(SmtpEndpoint).ConfigureAwait(false);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            },
            $"Exim listens on {SmtpEndpoint}").ConfigureAwait(false);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);
}
