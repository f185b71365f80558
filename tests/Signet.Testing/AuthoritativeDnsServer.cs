using System.Diagnostics;
using System.Net;

namespace Signet.Testing;

/// <summary>A real authoritative DNS server (nsd) on 127.0.0.1, on a free UDP and TCP port, serving the zones a test
/// gives. Everything it writes stays in its own temporary directory, removed on dispose.</summary>
/// <example><code>
/// await using var dns = new AuthoritativeDnsServer()
///     .AddZone("example.com", ["s1._domainkey IN TXT \"v=DKIM1; p=...\""]);
/// await dns.StartAsync(cancellationToken);
/// var options = new DnsResolverOptions { Servers = [dns.Endpoint.ToString()] };
/// </code></example>
[OutsideServer]
public sealed class AuthoritativeDnsServer : IAsyncDisposable
{
    public const string NsdPath = "/usr/sbin/nsd";
    private const string CheckZonePath = "/usr/sbin/nsd-checkzone";
    private const string NotInstalled = "nsd is not installed: apt-get install nsd";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly List<string> _origins = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _nameServers = [];
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("signet-nsd-");
    private readonly ProcessOutput _output = new();
    private Process? _process;
    private int _port;
    private int _serial = 1;

    /// <summary>Where the server listens, UDP and TCP. Stays the same across <see cref="ReplaceZoneAsync"/>.</summary>
    public IPEndPoint Endpoint =>
        _port == 0 ? throw new InvalidOperationException("the DNS server is not started") : new(ListenAddress, _port);

    /// <summary>The loopback address to listen on: 127.0.0.1 unless a test runs several servers of one zone on one
    /// port (127.0.0.2, 127.0.0.3…), as the Internet has them on port 53 at different addresses.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Starts a server with one zone.</summary>
    public static async Task<AuthoritativeDnsServer> StartAsync(string origin, IEnumerable<string> records, CancellationToken cancellationToken)
    {
        var server = new AuthoritativeDnsServer().AddZone(origin, records);
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Adds a zone before the start. <paramref name="records"/> are zone-file lines whose names may be relative
    /// to <paramref name="origin"/>; the SOA and NS records are generated.</summary>
    public AuthoritativeDnsServer AddZone(string origin, IEnumerable<string> records) => AddZone(origin, records, ["localhost."]);

    /// <summary>Adds a zone whose NS records name <paramref name="nameServers"/> (their addresses go in
    /// <paramref name="records"/>).</summary>
    public AuthoritativeDnsServer AddZone(string origin, IEnumerable<string> records, IReadOnlyList<string> nameServers)
    {
        if (_port != 0)
        {
            throw new InvalidOperationException("the server is running; use ReplaceZoneAsync");
        }

        string normalized = Normalize(origin);
        if (_origins.Contains(normalized))
        {
            throw new ArgumentException($"zone {normalized} is already added", nameof(origin));
        }

        _origins.Add(normalized);
        _nameServers[normalized] = nameServers;
        WriteZone(normalized, NsdConfiguration.ZoneText(normalized, records, _serial, nameServers));
        return this;
    }

    /// <summary>Starts nsd and returns once it answers queries.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        TestTier.EnsureOutsideServersAllowed("nsd");
        if (!File.Exists(NsdPath) || !File.Exists(CheckZonePath))
        {
            throw new InvalidOperationException(NotInstalled);
        }

        if (_origins.Count == 0 || _port != 0)
        {
            throw new InvalidOperationException(_port != 0 ? "the server is already started" : "add a zone before starting the server");
        }

        foreach (string origin in _origins)
        {
            await CheckZoneAsync(origin, cancellationToken).ConfigureAwait(false);
        }

        // Another process can take the port between finding it and nsd binding it; then try another.
        for (int attempt = 0; attempt < (Port == 0 ? 5 : 1); attempt++)
        {
            _port = Port == 0 ? LoopbackPorts.FindFreeTcpAndUdpPort() : Port;
            if (await TryLaunchAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        _port = 0;
        throw new InvalidOperationException("nsd did not start: " + Diagnostics());
    }

    /// <summary>Replaces a zone's records (SOA and NS are generated again) and restarts nsd on the same port.</summary>
    public async Task ReplaceZoneAsync(string origin, IEnumerable<string> records, CancellationToken cancellationToken)
    {
        string normalized = RequireZone(origin);
        WriteZone(normalized, NsdConfiguration.ZoneText(normalized, records, ++_serial, _nameServers[normalized]));
        await CheckZoneAsync(normalized, cancellationToken).ConfigureAwait(false);
        await RestartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes a zone fail to load, as after a bad edit: nsd then answers SERVFAIL for every name in it.</summary>
    public async Task BreakZoneAsync(string origin, CancellationToken cancellationToken)
    {
        string normalized = RequireZone(origin);
        WriteZone(normalized, NsdConfiguration.BrokenZoneText(normalized));
        await RestartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the directory is under the temp folder and harmless.
        }
    }

    private async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (_port == 0)
        {
            throw new InvalidOperationException("the DNS server is not started");
        }

        await StopAsync().ConfigureAwait(false);
        for (int attempt = 0; attempt < 10; attempt++)
        {
            if (await TryLaunchAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"nsd did not restart on port {_port}: " + Diagnostics());
    }

    private async Task<bool> TryLaunchAsync(CancellationToken cancellationToken)
    {
        string configuration = Path.Combine(_directory.FullName, "nsd.conf");
        await File.WriteAllTextAsync(
            configuration, NsdConfiguration.ServerConfiguration(_directory.FullName, ListenAddress, _port, _origins), cancellationToken).ConfigureAwait(false);
        File.Delete(NsdConfiguration.LogPath(_directory.FullName));

        var process = StartProcess(NsdPath, ["-d", "-c", configuration]);
        _process = process;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                await StopAsync().ConfigureAwait(false);
                return false;
            }

            if (await DnsProbe.AnswersAsync(Endpoint, _origins[0], TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        string diagnostics = Diagnostics();
        await StopAsync().ConfigureAwait(false);
        throw new InvalidOperationException($"nsd did not answer on {Endpoint} within {StartTimeout.TotalSeconds} s: {diagnostics}");
    }

    private async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        using (process)
        {
            await PosixSignals.StopAsync(process, StopTimeout).ConfigureAwait(false);
        }
    }

    private async Task CheckZoneAsync(string origin, CancellationToken cancellationToken)
    {
        using var check = StartProcess(CheckZonePath, [origin, ZonePath(origin)]);
        await check.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException($"zone {origin} does not load in nsd: {Diagnostics()}");
        }
    }

    private Process StartProcess(string path, IEnumerable<string> arguments) =>
        _output.Start(new ProcessStartInfo(path, arguments) { WorkingDirectory = _directory.FullName });

    private string Diagnostics()
    {
        string log = NsdConfiguration.LogPath(_directory.FullName);
        return _output + (File.Exists(log) ? File.ReadAllText(log) : string.Empty);
    }

    private string RequireZone(string origin)
    {
        string normalized = Normalize(origin);
        return _origins.Contains(normalized) ? normalized : throw new ArgumentException($"zone {normalized} was not added", nameof(origin));
    }

    private void WriteZone(string origin, string text) => File.WriteAllText(ZonePath(origin), text);

    private string ZonePath(string origin) => Path.Combine(_directory.FullName, NsdConfiguration.ZoneFileName(origin));

    private static string Normalize(string origin) => origin.TrimEnd('.').ToLowerInvariant();
}
