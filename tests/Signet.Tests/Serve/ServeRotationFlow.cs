using System.Globalization;
using Microsoft.Data.Sqlite;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>Hands-off rotation as an administrator runs it, on loopback: one zone on a Knot primary (updated by serve
/// with TSIG) and a Knot secondary that lags until the test lets it catch up; a data folder set up with the real
/// <c>signet domain|publisher|rotation</c> commands; <c>signet serve</c> as a child process whose rotation driver ticks
/// every second and which checks publication against both Knot servers; a private Postfix with serve as its milter;
/// and an SMTP sink behind Postfix. The domain rotates every <see cref="Interval"/>, seconds standing in for days.
/// The test reads the same store in its own process to see each step the moment serve records it.</summary>
[OutsideServer]
internal sealed class ServeRotationFlow : IAsyncDisposable
{
    public const string Domain = "example.org";

    /// <summary>The rotation's periods: long enough for the test to look at Knot within each, short enough that a
    /// whole rotation takes well under a minute.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(8);

    public static readonly TimeSpan RevokedFor = TimeSpan.FromSeconds(5);

    private static readonly Actor Admin = Actor.LocalAdministrator;
    private readonly TemporaryDirectory _directory;
    private SignetStore? _store;

    private ServeRotationFlow(KnotZonePair knot, TemporaryDirectory directory, SmtpSink sink)
    {
        Knot = knot;
        _directory = directory;
        Sink = sink;
    }

    public KnotZonePair Knot { get; }

    public SmtpSink Sink { get; }

    public ServeProcess? Serve { get; private set; }

    public PostfixInstance Postfix { get; private set; } = null!;

    public string DataPath => Path.Combine(_directory.Path, "data");

    /// <summary>The test's own view of serve's store, to watch the rotation from outside serve.</summary>
    public SignetStore Store => _store ?? throw new InvalidOperationException("the store is not open");

    public int Starts { get; private set; }

    public static async Task<ServeRotationFlow> StartAsync()
    {
        var knot = await KnotZonePair.StartAsync(Domain, [], CancellationToken.None);
        var flow = new ServeRotationFlow(knot, new TemporaryDirectory(), SmtpSink.Start());
        try
        {
            await flow.ConfigureAsync();
            await flow.StartServeAsync(null);
            flow.Postfix = await PostfixInstance.StartAsync(
                new PostfixSettings(flow.Sink.Endpoint) { Milter = $"inet:127.0.0.1:{flow.Serve!.MilterPort}", MilterDefaultAction = "tempfail" },
                CancellationToken.None);
            return flow;
        }
        catch
        {
            await flow.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the real <c>signet</c> command line against the data folder; fails the test unless it exits 0.</summary>
    public async Task<string> SignetAsync(params string[] arguments)
    {
        var (code, output, error) = await ServeProcess.RunToEndAsync([.. arguments, "--data", DataPath]);
        Assert.True(code == 0, $"signet {string.Join(' ', arguments)} exited with {code}:\n{output}{error}");
        return output;
    }

    /// <summary>The "step" line of <c>signet rotation status</c>, as an administrator reads it.</summary>
    public async Task<string> StatusStepAsync()
    {
        string output = await SignetAsync("rotation", "status", "--domain", Domain);
        return output.Split('\n').FirstOrDefault(l => l.StartsWith("step\t", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"signet rotation status printed no step:\n{output}");
    }

    /// <summary>SIGKILL to serve (no shutdown), then a new serve on the same data folder and milter port.</summary>
    public async Task KillAndRestartServeAsync()
    {
        int milterPort = await KillServeAsync();
        await StartServeAsync(milterPort);
    }

    /// <summary>SIGKILL to serve: no shutdown, nothing finished or released. Returns its milter port.</summary>
    public async Task<int> KillServeAsync()
    {
        var serve = Serve ?? throw new InvalidOperationException("serve is not running");
        Serve = null;
        await serve.KillAsync(TimeSpan.FromSeconds(10));
        await serve.DisposeAsync();
        return serve.MilterPort;
    }

    /// <summary>Which serve holds the domain's rotation lease (null: none, between rounds). The lease is the nodes'
    /// own business and no command shows it, so the test reads the row.</summary>
    public async Task<string?> LeaseHolderAsync()
    {
        string database = new StoreOptions { DataDirectory = DataPath }.DatabasePath;
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT lease_owner FROM domain_rotation WHERE domain = $domain";
        command.Parameters.AddWithValue("$domain", Domain);
        return await command.ExecuteScalarAsync() as string;
    }

    public async Task<IReadOnlyList<KeyEntry>> KeysAsync()
    {
        var keys = await Store.ListKeysAsync(Admin, KeyOwner.ForDomain(Domain), CancellationToken.None);
        return keys.Succeeded ? keys.Value! : throw new InvalidOperationException(keys.Error!.Message);
    }

    public async Task<AutomaticRotationStatus> StatusAsync()
    {
        var status = await Store.GetRotationStatusAsync(Admin, Domain, CancellationToken.None);
        return status.Succeeded ? status.Value! : throw new InvalidOperationException(status.Error!.Message);
    }

    /// <summary>The rotation's own audit lines (actions rotation.*), oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RotationAuditAsync() => (await AuditAsync()).Where(a => a.Action.StartsWith("rotation.", StringComparison.Ordinal)).ToList();

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync()
    {
        var audit = await Store.ListAuditAsync(Admin, 1000, CancellationToken.None);
        return audit.Succeeded ? audit.Value!.OrderBy(a => a.Id).ToList() : throw new InvalidOperationException(audit.Error!.Message);
    }

    /// <summary>What the primary (ns1) serves for the key's record now (null: nothing).</summary>
    public Task<string?> ServedOnNs1Async(KeyEntry key) => Knot.PrimaryServer.ServedTxtAsync(key.RecordName, CancellationToken.None);

    /// <summary>What the secondary (ns2) serves for the key's record now (null: nothing).</summary>
    public Task<string?> ServedOnNs2Async(KeyEntry key) => Knot.SecondaryServer.ServedTxtAsync(key.RecordName, CancellationToken.None);

    /// <summary>What went on, for a failure message: serve's output and Postfix's log.</summary>
    public string Diagnostics() => $"serve:\n{Serve?.Output}\nPostfix log:\n{Postfix?.ReadLog()}";

    public async ValueTask DisposeAsync()
    {
        if (Postfix is not null)
        {
            await Postfix.DisposeAsync();
        }

        if (Serve is not null)
        {
            await Serve.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await Sink.DisposeAsync();
        await Knot.DisposeAsync();
        _directory.Dispose();
    }

    private async Task ConfigureAsync()
    {
        string secretFile = Path.Combine(_directory.Path, "tsig.secret");
        await File.WriteAllTextAsync(secretFile, Convert.ToBase64String(Knot.PrimaryServer.Secret) + "\n");
        await SignetAsync("domain", "add", "--domain", Domain);
        await SignetAsync("publisher", "add", "--name", "knot", "--primary", Knot.PrimaryServer.Endpoint.ToString(), "--zone", Domain,
            "--key-name", Knot.PrimaryServer.KeyName, "--secret-file", secretFile);
        await SignetAsync("rotation", "set", "--domain", Domain, "--publisher", "knot", "--every", Seconds(Interval), "--overlap", Seconds(Overlap),
            "--revoked-for", Seconds(RevokedFor), "--selectors", "counter");
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = DataPath }, CancellationToken.None);
        _store = opened.Succeeded ? opened.Value! : throw new InvalidOperationException(opened.Error!.Message);
    }

    public async Task StartServeAsync(int? milterPort)
    {
        // The store asks the zone's servers through the resolver (the primary, which serves the NS records and their
        // addresses) and then each of ns1 and ns2 directly on Knot's port: Dns:AuthoritativePort reaches the store's
        // publication check through serve's Dns section.
        var environment = new Dictionary<string, string>
        {
            ["SIGNET_RotationInterval"] = "00:00:01",
            ["SIGNET_Dns__AuthoritativePort"] = Knot.Port.ToString(CultureInfo.InvariantCulture),
            ["SIGNET_Dns__Timeout"] = "00:00:02",
        };
        Serve = await ServeProcess.StartAsync(DataPath, ["--hostname", ServeKeys.HostName, "--resolver", Knot.PrimaryServer.Endpoint.ToString()], environment, milterPort);
        Starts++;
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0}s";
}
