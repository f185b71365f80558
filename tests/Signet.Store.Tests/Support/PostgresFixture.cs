using Npgsql;
using Signet.Testing;

namespace Signet.Store.Tests.Support;

/// <summary>One PostgreSQL server for the whole run, started on first use; each test gets a database of its own.</summary>
public sealed class PostgresFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _start = new(1, 1);
    private PostgresServer? _server;

    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        await _start.WaitAsync(cancellationToken);
        try
        {
            _server ??= await PostgresServer.StartAsync(cancellationToken);
        }
        finally
        {
            _start.Release();
        }

        string name = "signet_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(_server.ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return _server.ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _start.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class StoreTestGroup : ICollectionFixture<PostgresFixture>
{
    public const string Name = "store";
}
