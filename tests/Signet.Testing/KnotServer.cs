using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using DnsClient;

namespace Signet.Testing;

/// <summary>A real Knot DNS server (knotd) on a loopback address and port, in its own temporary directory: either a
/// primary that accepts RFC 2136 updates signed with a TSIG hmac-sha256 key, or a secondary that transfers the zone
/// from a primary (set <see cref="Primary"/>). Removed on dispose.</summary>
[OutsideServer]
public sealed class KnotServer : IAsyncDisposable
{
    public const string KnotdPath = "/usr/sbin/knotd";
    public const string KnotcPath = "/usr/sbin/knotc";
    private const string NotInstalled = "Knot DNS is not installed: apt-get install knot";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("signet-knot-");
    private readonly ProcessOutput _output = new();
    private Process? _process;

    public required string Zone { get; init; }

    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one at start.</summary>
    public int Port { get; set; }

    /// <summary>The zone's NS names (their addresses go in <see cref="Records"/>); "localhost." by default.</summary>
    public IReadOnlyList<string> NameServers { get; init; } = ["localhost."];

    /// <summary>Zone-file lines besides SOA and NS, names relative to the zone. A secondary ignores them.</summary>
    public IReadOnlyList<string> Records { get; init; } = [];

    /// <summary>The TSIG key the server knows, and with which a primary accepts updates.</summary>
    public string KeyName { get; init; } = "signet-update";

    public byte[] Secret { get; init; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>False for a primary whose ACL denies updates with the key (<c>deny: on</c>): it refuses them.</summary>
    public bool AcceptsUpdates { get; init; } = true;

    /// <summary>Set for a secondary: the primary it transfers the zone from (on start, and on <see cref="RefreshAsync"/>).</summary>
    public IPEndPoint? Primary { get; init; }

    public IPEndPoint Endpoint => Port == 0 ? throw new InvalidOperationException("knotd is not started") : new(ListenAddress, Port);

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts knotd and returns once it serves the zone.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        TestTier.EnsureOutsideServersAllowed("knotd");
        if (!File.Exists(KnotdPath) || !File.Exists(KnotcPath))
        {
            throw new InvalidOperationException(NotInstalled);
        }

        if (Port == 0)
        {
            Port = LoopbackPorts.FindFreeTcpAndUdpPort();
        }

        // knotd writes its journal (the updates it applied) under the database storage, which must exist.
        Directory.CreateDirectory(Path.Combine(_directory.FullName, "db"));
        string zoneFile = Path.Combine(_directory.FullName, KnotConfiguration.ZoneFileName(Zone));
        if (Primary is null && !File.Exists(zoneFile))
        {
            await File.WriteAllTextAsync(zoneFile, KnotConfiguration.ZoneText(Zone, Records, NameServers), cancellationToken).ConfigureAwait(false);
        }

        string configuration = Path.Combine(_directory.FullName, "knot.conf");
        await File.WriteAllTextAsync(configuration, KnotConfiguration.ServerConfiguration(this, _directory.FullName), cancellationToken).ConfigureAwait(false);
        var process = StartProcess(KnotdPath, ["-c", configuration]);
        _process = process;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"knotd exited at start on {KnotConfiguration.Describe(Endpoint)}: {Diagnostics()}");
            }

            if (await ServesZoneAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        string diagnostics = Diagnostics();
        await StopAsync().ConfigureAwait(false);
        throw new InvalidOperationException($"knotd did not serve {Zone} on {KnotConfiguration.Describe(Endpoint)} within {StartTimeout.TotalSeconds} s: {diagnostics}");
    }

    /// <summary>A secondary asks its primary for changes now (knotc zone-refresh), as it would at its SOA refresh time.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (Primary is null)
        {
            throw new InvalidOperationException("only a secondary refreshes");
        }

        using var knotc = StartProcess(KnotcPath, ["-s", KnotConfiguration.ControlSocket(_directory.FullName), "zone-refresh", Zone]);
        await knotc.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (knotc.ExitCode != 0)
        {
            throw new InvalidOperationException($"knotc zone-refresh {Zone} failed: {Diagnostics()}");
        }
    }

    /// <summary>SIGSTOP: knotd keeps its port but answers nothing, as a server that hangs, until <see cref="Resume"/>.</summary>
    public void Suspend()
    {
        if (_process is not { HasExited: false } process || !PosixSignals.Suspend(process.Id))
        {
            throw new InvalidOperationException("knotd is not running");
        }
    }

    /// <summary>SIGCONT: a suspended knotd answers again (the queries queued meanwhile too).</summary>
    public void Resume()
    {
        if (_process is not { HasExited: false } process || !PosixSignals.Continue(process.Id))
        {
            throw new InvalidOperationException("knotd is not running");
        }
    }

    /// <summary>What this server itself serves for <paramref name="name"/>'s TXT record now (asked directly, without
    /// recursion or cache): the strings of the one record joined, or null when it serves none.</summary>
    public async Task<string?> ServedTxtAsync(string name, CancellationToken cancellationToken)
    {
        var options = new LookupClientOptions(Endpoint)
        {
            UseCache = false, Recursion = false, Timeout = TimeSpan.FromSeconds(2), Retries = 2, ThrowDnsErrors = false, UseTcpFallback = true,
        };
        var response = await new LookupClient(options).QueryAsync(name, QueryType.TXT, QueryClass.IN, cancellationToken).ConfigureAwait(false);
        if (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
        {
            throw new InvalidOperationException($"knotd on {KnotConfiguration.Describe(Endpoint)} answered {response.ErrorMessage} for {name} TXT");
        }

        var records = response.Answers.TxtRecords().ToList();
        return records.Count switch
        {
            0 => null,
            1 => string.Concat(records[0].Text),
            _ => throw new InvalidOperationException($"knotd on {KnotConfiguration.Describe(Endpoint)} serves {records.Count} TXT records at {name}"),
        };
    }

    /// <summary>Stops knotd, as a primary that goes down; <see cref="StartAsync"/> starts it again with its data.</summary>
    public async Task StopAsync()
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

    public string Diagnostics()
    {
        return _output.ToString();
    }

    // A secondary answers SERVFAIL until its first transfer; the zone is served once it answers with the AA bit.
    private async Task<bool> ServesZoneAsync(CancellationToken cancellationToken) =>
        await DnsProbe.AnswersAsync(Endpoint, Zone, TimeSpan.FromMilliseconds(250), cancellationToken, requireAuthoritative: true).ConfigureAwait(false);

    private Process StartProcess(string path, IEnumerable<string> arguments) =>
        _output.Start(new ProcessStartInfo(path, arguments) { WorkingDirectory = _directory.FullName });
}
