using Npgsql;
using Signet.Testing;

namespace Signet.Store.Tests.Support;

/// <summary>One PostgreSQL server for the whole run, started on first use; each test gets a database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly Lazy<Task<PostgresServer>> _server = new(() => PostgresServer.StartAsync(CancellationToken.None));

    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var server = await _server.Value;
        return await server.CreateDatabaseAsync("signet_", cancellationToken);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server.IsValueCreated)
        {
            await (await _server.Value).DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StoreTestGroup : ICollectionFixture<PostgresFixture>
{
    public const string Name = "store";
}
