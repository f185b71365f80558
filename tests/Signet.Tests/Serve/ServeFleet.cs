using Npgsql;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>Two <c>signet serve</c> nodes on one PostgreSQL, as a fleet is run: the domains and keys created once with
/// the <c>signet</c> command line against the connection string, the master key shared as a value, each node with
/// its own Postfix and sink; nsd serves the key records for the verifiers.</summary>
internal sealed class ServeFleet : IAsyncDisposable
{
    /// <summary>How often each node asks whether the store changed: the default, so the counts are what a fleet sees.</summary>
    public static readonly TimeSpan PollInterval = new Signet.Store.StoreOptions { DataDirectory = "unused" }.PollInterval;

    private readonly TemporaryDirectory _setup = new();
    private readonly List<ServeFleetNode> _nodes = [];

    private ServeFleet(PostgresServer postgres, string connectionString)
    {
        Postgres = postgres;
        ConnectionString = connectionString;
        Statements = new ServeFleetStatements(postgres, connectionString);
    }

    public PostgresServer Postgres { get; }

    public string ConnectionString { get; }

    public ServeFleetStatements Statements { get; }

    public AuthoritativeDnsServer Dns { get; private set; } = null!;

    public IReadOnlyList<ServeFleetNode> Nodes => _nodes;

    /// <summary>PostgreSQL logging every statement, <paramref name="domains"/> each with an active RSA key under s1,
    /// nsd serving their records, then <paramref name="nodes"/> nodes named node-a, node-b, ….</summary>
    public static async Task<ServeFleet> StartAsync(IReadOnlyList<string> domains, int nodes)
    {
        var postgres = await PostgresServer.StartAsync(ServeFleetStatements.ServerSettings, CancellationToken.None);
        ServeFleet? fleet = null;
        try
        {
            fleet = new ServeFleet(postgres, await postgres.CreateDatabaseAsync("signet_fleet_", CancellationToken.None));
            await fleet.SetUpAsync(domains);
            string masterKey = (await File.ReadAllTextAsync(Path.Combine(fleet._setup.Path, "master.key"))).Trim();
            var started = Enumerable.Range(0, nodes).Select(i => fleet.StartNodeAsync($"node-{(char)('a' + i)}", masterKey)).ToList();
            foreach (var node in started)
            {
                fleet._nodes.Add(await node);
            }

            return fleet;
        }
        catch
        {
            if (fleet is not null)
            {
                await fleet.DisposeAsync();
            }
            else
            {
                await postgres.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Runs <c>signet ARGUMENTS --store CONNECTION</c> as an administrator would on any host of the fleet,
    /// and returns what it printed; a failure fails the test with its output.</summary>
    public async Task<string> SignetAsync(params string[] arguments)
    {
        var connection = new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = "signet-cli" };
        var (code, output, error) = await ServeProcess.RunToEndAsync([.. arguments, "--store", connection.ConnectionString, "--data", _setup.Path]);
        Assert.True(code == 0, $"signet {string.Join(' ', arguments)} exited with {code}: {error}{output}");
        return output;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (Dns is not null)
        {
            await Dns.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await Postgres.DisposeAsync();
        _setup.Dispose();
    }

    private async Task SetUpAsync(IReadOnlyList<string> domains)
    {
        Dns = new AuthoritativeDnsServer();
        foreach (string domain in domains)
        {
            await SignetAsync("domain", "add", "--domain", domain);
            await SignetAsync("key", "generate", "--domain", domain, "--selector", "s1");
            await SignetAsync("key", "activate", "--domain", domain, "--selector", "s1", "--force");
            string records = await SignetAsync("key", "dns", "--domain", domain);
            Dns.AddZone(domain, records.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        await Dns.StartAsync(CancellationToken.None);
    }

    private Task<ServeFleetNode> StartNodeAsync(string name, string masterKey)
    {
        var connection = new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = name };
        var environment = new Dictionary<string, string>
        {
            ["SIGNET_STORE__CONNECTIONSTRING"] = connection.ConnectionString,
            ["SIGNET_STORE__MASTERKEY"] = masterKey,
        };

        // One host name for the fleet: serve records the name it is given in the shared store.
        return ServeFleetNode.StartAsync(name, ["--hostname", ServeKeys.HostName, "--resolver", Dns.Endpoint.ToString()], environment);
    }
}
