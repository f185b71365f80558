using System.Collections.Concurrent;
using Npgsql;
using Signet.Store;

namespace Signet.Admin.Tests.Support;

/// <summary>The seeded database of <see cref="ApiWorld"/>, made once per backend (and per PostgreSQL server) and copied
/// for every world: the SQLite files, or a PostgreSQL template database. The copies share the master key, the ids, the
/// tokens and the private keys of the seed.</summary>
public sealed class WorldSeed
{
    private static readonly ConcurrentDictionary<object, Lazy<Task<WorldSeed>>> Seeds = new();

    private readonly string _directory;
    private readonly string? _templateConnectionString;
    private readonly string? _templateDatabase;

    private WorldSeed(string directory, string? templateConnectionString, string? templateDatabase)
    {
        _directory = directory;
        _templateConnectionString = templateConnectionString;
        _templateDatabase = templateDatabase;
    }

    public Dictionary<string, Guid> Ids { get; } = [];

    public Dictionary<Role, string?> Tokens { get; } = [];

    public List<string> Secrets { get; } = [];

    private string DataDirectory => Path.Combine(_directory, "data");

    public static Task<WorldSeed> For(Backend backend, PostgresFixture? postgres)
    {
        object key = backend == Backend.Sqlite ? backend : postgres ?? throw new InvalidOperationException("the PostgreSQL tests need the fixture");
        return Seeds.GetOrAdd(key, _ => new Lazy<Task<WorldSeed>>(() => CreateAsync(postgres, backend))).Value;
    }

    /// <summary>Store options for a new copy of the seed in <paramref name="directory"/>.</summary>
    public async Task<StoreOptions> CopyAsync(string directory)
    {
        string data = Path.Combine(directory, "data");
        Directory.CreateDirectory(data);
        foreach (string file in Directory.GetFiles(DataDirectory))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        if (_templateConnectionString is null)
        {
            return new StoreOptions { DataDirectory = data };
        }

        string name = "signet_api_" + Guid.NewGuid().ToString("N");
        var builder = new NpgsqlConnectionStringBuilder(_templateConnectionString) { Database = "postgres" };
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {_templateDatabase}", connection);
            await command.ExecuteNonQueryAsync();
        }

        builder.Database = name;
        return new StoreOptions { DataDirectory = data, ConnectionString = builder.ConnectionString };
    }

    private static async Task<WorldSeed> CreateAsync(PostgresFixture? postgres, Backend backend)
    {
        string directory = Directory.CreateTempSubdirectory("signet-api-seed-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(directory);
        string? connectionString = backend == Backend.Postgres ? await postgres!.CreateDatabaseAsync() : null;
        var options = new StoreOptions { DataDirectory = Path.Combine(directory, "data"), ConnectionString = connectionString };
        var world = await ApiWorld.SeedNewAsync(directory, options);
        var seed = new WorldSeed(directory, connectionString, connectionString is null ? null : new NpgsqlConnectionStringBuilder(connectionString).Database);
        foreach (var id in world.Ids)
        {
            seed.Ids[id.Key] = id.Value;
        }

        foreach (var token in world.Tokens)
        {
            seed.Tokens[token.Key] = token.Value;
        }

        seed.Secrets.AddRange(world.Secrets);
        await world.CloseAsync();
        return seed;
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Under the temp folder; harmless.
        }
    }
}
