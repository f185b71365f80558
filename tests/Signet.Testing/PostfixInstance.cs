using System.Diagnostics;
using System.Net;
using System.Text;

namespace Signet.Testing;

/// <summary>A private Postfix from Debian's package: its own configuration and queue in a temporary directory,
/// SMTP on a free loopback port, relaying everything to a loopback next hop (an <see cref="SmtpSink"/>), optionally
/// with a milter. Nothing system-wide is read or changed; stopping it removes everything. Postfix's master runs
/// as root and its daemons as the <c>postfix</c> user, so this needs root (as CI has).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[OutsideServer]
public sealed class PostfixInstance : IAsyncDisposable
{
    public const string PostfixPath = "/usr/sbin/postfix";

    private readonly string _directory;
    private bool _running;

    private PostfixInstance(string directory, IPEndPoint smtpEndpoint)
    {
        _directory = directory;
        SmtpEndpoint = smtpEndpoint;
    }

    /// <summary>Where Postfix accepts mail (smtpd; clients from 127.0.0.0/8 are in mynetworks).</summary>
    public IPEndPoint SmtpEndpoint { get; }

    public string ConfigDirectory => Path.Combine(_directory, "etc");

    public string LogFile => Path.Combine(_directory, "maillog");

    public static async Task<PostfixInstance> StartAsync(PostfixSettings settings, CancellationToken cancellationToken)
    {
        TestTier.EnsureOutsideServersAllowed("Postfix");
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(PostfixPath))
        {
            throw new InvalidOperationException("Postfix is not installed: apt-get install postfix");
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("a private Postfix needs root (its master process runs as root)");
        }

        string directory = Directory.CreateTempSubdirectory("signet-postfix-").FullName;

        // The postfix user must reach the queue below the temporary directory.
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        int port = LoopbackPorts.FindFreeTcpAndUdpPort();
        var instance = new PostfixInstance(directory, new IPEndPoint(IPAddress.Loopback, port));
        Directory.CreateDirectory(instance.ConfigDirectory);
        Directory.CreateDirectory(Path.Combine(directory, "spool"));
        string data = Directory.CreateDirectory(Path.Combine(directory, "data")).FullName;
        await RunAsync("/bin/chown", cancellationToken, "postfix", data).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(instance.ConfigDirectory, "main.cf"), PostfixConfiguration.MainCf(directory, settings), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(instance.ConfigDirectory, "master.cf"), PostfixConfiguration.MasterCf(port), cancellationToken).ConfigureAwait(false);
        await instance.PostfixAsync("check", cancellationToken).ConfigureAwait(false);
        await instance.PostfixAsync("start", cancellationToken).ConfigureAwait(false);
        instance._running = true;
        await instance.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
        return instance;
    }

    /// <summary>Asks Postfix to retry every deferred message now (postqueue -f).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => RunAsync("/usr/sbin/postqueue", cancellationToken, "-c", ConfigDirectory, "-f");

    /// <summary>The queue listing (postqueue -p): "Mail queue is empty" when nothing waits.</summary>
    public Task<string> QueueAsync(CancellationToken cancellationToken) => RunAsync("/usr/sbin/postqueue", cancellationToken, "-c", ConfigDirectory, "-p");

    public string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : string.Empty;

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            _running = false;
            try
            {
                await PostfixAsync("stop", CancellationToken.None).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already gone: nothing to stop.
            }
        }

        await WaitForMasterToExitAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A daemon still closing a file; the temporary directory is cleaned by the system later.
        }
    }

    private Task PostfixAsync(string command, CancellationToken cancellationToken) =>
        RunAsync(PostfixPath, cancellationToken, "-c", ConfigDirectory, command);

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(SmtpEndpoint, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"Postfix did not listen on {SmtpEndpoint} within 20 s. Its log:\n{ReadLog()}");
    }

    private async Task WaitForMasterToExitAsync()
    {
        string pidFile = Path.Combine(_directory, "spool", "pid", "master.pid");
        for (int i = 0; i < 100 && File.Exists(pidFile); i++)
        {
            if (!int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid) || !Directory.Exists($"/proc/{pid}"))
            {
                return;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    private static async Task<string> RunAsync(string program, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        string text = await output.ConfigureAwait(false) + await error.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {text}");
        }

        return text;
    }
}

/// <summary>What a test's Postfix does: where it relays, which milter it calls, and what it does when the milter
/// is unreachable.</summary>
public sealed record PostfixSettings(IPEndPoint NextHop)
{
    /// <summary>The smtpd_milters value, e.g. "inet:127.0.0.1:8891"; none when null.</summary>
    public string? Milter { get; init; }

    /// <summary>tempfail (the safe default for signing: nothing leaves unsigned) or accept.</summary>
    public string MilterDefaultAction { get; init; } = "tempfail";

    public string HostName { get; init; } = "mx.signet.test";

    /// <summary>Extra main.cf lines a test needs.</summary>
    public IReadOnlyList<string> ExtraSettings { get; init; } = [];
}

internal static class PostfixConfiguration
{
    public static string MainCf(string directory, PostfixSettings settings)
    {
        var text = new StringBuilder()
            .AppendLine("compatibility_level = 3.6")
            .AppendLine($"queue_directory = {directory}/spool")
            .AppendLine($"data_directory = {directory}/data")
            .AppendLine($"maillog_file = {directory}/maillog")
            .AppendLine($"maillog_file_prefixes = {directory}")
            .AppendLine("mail_owner = postfix")
            .AppendLine("setgid_group = postdrop")
            .AppendLine($"myhostname = {settings.HostName}")
            .AppendLine("mydomain = signet.test")
            .AppendLine("myorigin = $myhostname")
            .AppendLine("mydestination =")
            .AppendLine("inet_interfaces = loopback-only")
            .AppendLine("inet_protocols = ipv4")
            .AppendLine("mynetworks = 127.0.0.0/8")
            .AppendLine("smtpd_relay_restrictions = permit_mynetworks, reject")
            .AppendLine($"relayhost = [{settings.NextHop.Address}]:{settings.NextHop.Port}")
            .AppendLine("smtp_dns_support_level = disabled")
            .AppendLine("smtp_tls_security_level = none")
            .AppendLine("smtpd_tls_security_level = none")
            .AppendLine("alias_maps =")
            .AppendLine("alias_database =")
            .AppendLine("local_recipient_maps =")
            .AppendLine("biff = no")
            .AppendLine("message_size_limit = 104857600")
            .AppendLine("queue_run_delay = 5s")
            .AppendLine("minimal_backoff_time = 5s")
            .AppendLine("maximal_backoff_time = 10s")
            .AppendLine("milter_protocol = 6")
            .AppendLine($"milter_default_action = {settings.MilterDefaultAction}");
        if (settings.Milter is { } milter)
        {
            text.AppendLine($"smtpd_milters = {milter}").AppendLine("non_smtpd_milters = $smtpd_milters");
        }

        foreach (string line in settings.ExtraSettings)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    // No chroot: the queue lives in a temporary directory, not below /var/spool/postfix.
    public static string MasterCf(int port) =>
        $"""
        127.0.0.1:{port} inet n - n - - smtpd
        pickup    unix  n - n 60 1 pickup
        cleanup   unix  n - n - 0 cleanup
        qmgr      unix  n - n 300 1 qmgr
        rewrite   unix  - - n - - trivial-rewrite
        bounce    unix  - - n - 0 bounce
        defer     unix  - - n - 0 bounce
        trace     unix  - - n - 0 bounce
        verify    unix  - - n - 1 verify
        flush     unix  n - n 1000? 0 flush
        proxymap  unix  - - n - - proxymap
        smtp      unix  - - n - - smtp
        relay     unix  - - n - - smtp
        showq     unix  n - n - - showq
        error     unix  - - n - - error
        retry     unix  - - n - - error
        discard   unix  - - n - - discard
        local     unix  - n n - - local
        anvil     unix  - - n - 1 anvil
        scache    unix  - - n - 1 scache
        postlog   unix-dgram n - n - 1 postlogd

        """;
}
