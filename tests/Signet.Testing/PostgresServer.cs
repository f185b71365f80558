using System.Diagnostics;

namespace Signet.Testing;

/// <summary>A real PostgreSQL server on 127.0.0.1 and a free port, with its data directory and socket in a temporary
/// directory, removed on dispose. PostgreSQL refuses to run as root, so under root it runs as the postgres system user.</summary>
[OutsideServer]
public sealed class PostgresServer : IAsyncDisposable
{
    private const string NotInstalled = "PostgreSQL is not installed: apt-get install postgresql";
    private const string UserName = "signet";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("signet-pg-");
    private readonly ProcessOutput _output = new();
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    private PostgresServer(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
    }

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_directory.FullName, "data");

    /// <summary>A connection string for <paramref name="database"/> (which the caller creates through "postgres").</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username={UserName};Database={database};Pooling=true;Timeout=15";

    /// <summary>A new, empty database of its own for one test (named with <paramref name="prefix"/>), and its
    /// connection string: tests on one server never see each other's data.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken)
    {
        string name = prefix + Guid.NewGuid().ToString("N");
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Everything the server wrote to standard output and standard error so far (its log, with
    /// <c>log_statement=all</c> every statement it ran).</summary>
    public string Log => _output.ToString();

    public static Task<PostgresServer> StartAsync(CancellationToken cancellationToken) =>
        StartAsync(new Dictionary<string, string>(), cancellationToken);

    /// <summary>Starts a server with <paramref name="settings"/> added to its command line (<c>-c NAME=VALUE</c>), such
    /// as <c>log_statement=all</c> to count the statements a test causes.</summary>
    public static async Task<PostgresServer> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ContainsKey("listen_addresses"))
        {
            throw new ArgumentException("tests reach PostgreSQL on loopback only: listen_addresses is not theirs to set", nameof(settings));
        }

        TestTier.EnsureOutsideServersAllowed("PostgreSQL");
        var server = new PostgresServer(settings);
        try
        {
            await server.LaunchAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await RunAsync(Binary("pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None).ConfigureAwait(false);
            using (process)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left under the temp folder; harmless.
        }
    }

    /// <summary>Stops the server as an outage would (<c>pg_ctl stop -m fast</c>: sessions are cut); the data and the
    /// port are kept for <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        await RunCheckedAsync(Binary("pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], false, cancellationToken).ConfigureAwait(false);
        using (process)
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the stopped server again on the same port and data.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("PostgreSQL is running");
        }

        if (!await TryStartAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"PostgreSQL did not start again on port {Port}: " + Diagnostics());
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Binary("initdb")))
        {
            throw new InvalidOperationException(NotInstalled);
        }

        if (IsRoot)
        {
            await RunCheckedAsync("/bin/chown", ["-R", "postgres:postgres", _directory.FullName], asRoot: true, cancellationToken).ConfigureAwait(false);
        }

        await RunCheckedAsync(Binary("initdb"), ["-D", DataDirectory, "-U", UserName, "--auth=trust", "-E", "UTF8", "--no-sync"], false, cancellationToken)
            .ConfigureAwait(false);
        for (int attempt = 0; attempt < 5; attempt++)
        {
            Port = LoopbackPorts.FindFreeTcpAndUdpPort();
            if (await TryStartAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        throw new InvalidOperationException("PostgreSQL did not start: " + Diagnostics());
    }

    private async Task<bool> TryStartAsync(CancellationToken cancellationToken)
    {
        // Test data only: no fsync, and nothing listens beyond loopback.
        var process = Start(Binary("postgres"),
            ["-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", _directory.FullName,
             "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
             .. _settings.SelectMany(setting => new[] { "-c", $"{setting.Key}={setting.Value}" })]);
        _process = process;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                _process = null;
                process.Dispose();
                return false;
            }

            int ready = await RunAsync(Binary("pg_isready"), ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", UserName],
                cancellationToken).ConfigureAwait(false);
            if (ready == 0)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"PostgreSQL did not answer on port {Port} within {StartTimeout.TotalSeconds} s: {Diagnostics()}");
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string Binary(string name)
    {
        string root = "/usr/lib/postgresql";
        string? version = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(Path.GetFileName).OrderByDescending(v => v?.Length).ThenByDescending(v => v, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return version is null ? Path.Combine(root, "15", "bin", name) : Path.Combine(root, version, "bin", name);
    }

    private async Task RunCheckedAsync(string path, string[] arguments, bool asRoot, CancellationToken cancellationToken)
    {
        int exit = await RunAsync(path, arguments, cancellationToken, asRoot).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(path)} exited with {exit}: {Diagnostics()}");
        }
    }

    private async Task<int> RunAsync(string path, string[] arguments, CancellationToken cancellationToken, bool asRoot = false)
    {
        using var process = Start(path, arguments, asRoot);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }

    private Process Start(string path, string[] arguments, bool asRoot = false)
    {
        var start = new ProcessStartInfo(IsRoot && !asRoot ? "/usr/sbin/runuser" : path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory.FullName,
        };
        if (IsRoot && !asRoot)
        {
            foreach (string argument in (string[])["-u", "postgres", "--", path])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return _output.Start(start);
    }

    private string Diagnostics() => _output.ToString();
}
