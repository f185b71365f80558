using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Signet.Testing;

/// <summary>A private Sendmail from Debian's sendmail-bin and sendmail-cf, unpacked from their .debs (they conflict
/// with the installed Postfix as packages): its sendmail.cf generated with m4 from sendmail-cf's macros and the
/// test's <c>sendmail.mc</c> lines (the milter line from docs/sendmail.md), SMTP on a free loopback port, every
/// message relayed to a loopback next hop (an <see cref="SmtpSink"/>). Its queue and configuration live in a
/// temporary directory removed at the end. Runs as root (as CI does), like a real Sendmail daemon.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[OutsideServer]
public sealed class SendmailServer : IAsyncDisposable
{
    /// <summary>The packages unpacked: Sendmail, its m4 macros, the libraries it links that a Postfix machine
    /// lacks, and nss_wrapper (see <see cref="NssWrapper"/>).</summary>
    public static readonly IReadOnlyList<string> Packages = ["sendmail-bin", "sendmail-cf", "liblockfile1", "libwrap0", NssWrapper.Package];

    private const string M4 = "/usr/bin/m4";

    private readonly string _directory;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _program;
    private readonly StringBuilder _output = new();

    private SendmailServer(string directory, string program, IReadOnlyDictionary<string, string> environment, IPEndPoint smtpEndpoint)
    {
        _directory = directory;
        _program = program;
        _environment = environment;
        SmtpEndpoint = smtpEndpoint;
    }

    public IPEndPoint SmtpEndpoint { get; }

    /// <summary>The sendmail.cf that m4 generated, for a failing test to show.</summary>
    public string ConfigFile => Path.Combine(_directory, "sendmail.cf");

    /// <summary>Starts Sendmail with <paramref name="mcLines"/> (e.g. INPUT_MAIL_FILTER) added to its sendmail.mc,
    /// relaying all mail to <paramref name="nextHop"/>.</summary>
    public static async Task<SendmailServer> StartAsync(IReadOnlyList<string> mcLines, IPEndPoint nextHop, CancellationToken cancellationToken)
    {
        TestTier.EnsureOutsideServersAllowed("Sendmail");
        ArgumentNullException.ThrowIfNull(mcLines);
        ArgumentNullException.ThrowIfNull(nextHop);
        if (!File.Exists(M4))
        {
            throw new InvalidOperationException("m4 is not installed (sendmail.cf is generated with it): apt-get install m4");
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("a private Sendmail daemon needs root (it binds, queues and delivers as root)");
        }

        string sendmailBin = await DebianPackageFiles.UnpackAsync("sendmail-bin", cancellationToken).ConfigureAwait(false);
        string sendmailCf = await DebianPackageFiles.UnpackAsync("sendmail-cf", cancellationToken).ConfigureAwait(false);
        string libraries = await DebianPackageFiles.LibraryPathAsync(Packages, cancellationToken).ConfigureAwait(false);
        string directory = Directory.CreateTempSubdirectory("signet-sendmail-").FullName;
        var environment = await NssWrapper.EnvironmentAsync(directory, "mx.signet.test", new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        environment["LD_LIBRARY_PATH"] = libraries;
        string program = DebianPackageFiles.CopyProgram(Path.Combine(sendmailBin, "usr", "libexec", "sendmail", "sendmail"), directory);
        var endpoint = new IPEndPoint(IPAddress.Loopback, LoopbackPorts.FindFreeTcpAndUdpPort());
        var server = new SendmailServer(directory, program, environment, endpoint);
        try
        {
            // Sendmail refuses a queue directory that others can write.
            Directory.CreateDirectory(Path.Combine(directory, "queue")).UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            string mc = SendmailConfiguration.Mc(Path.Combine(sendmailCf, "usr", "share", "sendmail", "cf"), directory, endpoint, nextHop, mcLines);
            await File.WriteAllTextAsync(Path.Combine(directory, "sendmail.mc"), mc, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(directory, "service.switch"), "hosts files\naliases files\n", cancellationToken).ConfigureAwait(false);
            var (code, cf) = await ExternalProgram.RunAsync(M4, [Path.Combine(directory, "sendmail.mc")], cancellationToken, directory).ConfigureAwait(false);
            if (code != 0)
            {
                throw new InvalidOperationException($"m4 could not build sendmail.cf from:\n{mc}\n{cf}");
            }

            await File.WriteAllTextAsync(server.ConfigFile, cf, cancellationToken).ConfigureAwait(false);

            await server.StartDaemonAsync(cancellationToken).ConfigureAwait(false);
            await server.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What the daemon wrote on its standard output and error.</summary>
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

    /// <summary>The queue listing (sendmail -bp) with the reason of each deferred or bounced message, for a failing
    /// test to show (Sendmail logs only to syslog, which a test machine may not run).</summary>
    public async Task<string> DescribeQueueAsync()
    {
        var (_, listing) = await ExternalProgram.RunAsync(_program, ["-C", ConfigFile, "-bp"], CancellationToken.None, _directory, _environment).ConfigureAwait(false);
        var text = new StringBuilder(Output).AppendLine(listing);
        foreach (string file in Directory.EnumerateFiles(Path.Combine(_directory, "queue"), "df*"))
        {
            text.AppendLine().AppendLine(file).Append(File.ReadAllText(file));
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (int pid in Processes())
        {
            _ = SendSignal(pid, 15);
        }

        try
        {
            await Eventually.Until(() => !Processes().Any(), "Sendmail exits on SIGTERM", TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            foreach (int pid in Processes())
            {
                _ = SendSignal(pid, 9);
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A delivery child still closing a queue file; the system cleans the temporary directory later.
        }
    }

    // -bd: the SMTP daemon, which detaches once it listens (its foreground mode, -bD, waits a minute before
    // listening); -q5s: deferred mail is retried every 5 seconds.
    private async Task StartDaemonAsync(CancellationToken cancellationToken)
    {
        string output = await ExternalProgram.RunCheckedAsync(_program, ["-C", ConfigFile, "-bd", "-q5s"], cancellationToken, _directory, _environment).ConfigureAwait(false);
        Record(output);
    }

    /// <summary>The daemon and its children, found by the program they run: the copy in this server's directory.
    /// (Sendmail keeps its pid file locked, and rewrites its command line.)</summary>
    private IEnumerable<int> Processes() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out int pid) ? pid : 0)
            .Where(pid => pid > 0 && ProgramOf(pid) == _program);

    private static string? ProgramOf(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/exe").LinkTarget;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Eventually.Until(
                async () =>
                {
                    using var client = new TcpClient();
                    try
                    {
                        await client.ConnectAsync(SmtpEndpoint, cancellationToken).ConfigureAwait(false);
                        return true;
                    }
                    catch (SocketException)
                    {
                        return false;
                    }
                },
                $"Sendmail listens on {SmtpEndpoint}").ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new InvalidOperationException($"{exception.Message}. Its sendmail.cf is {ConfigFile}", exception);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);
}
