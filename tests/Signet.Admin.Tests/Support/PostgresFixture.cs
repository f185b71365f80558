using Npgsql;
using Signet.Testing;

namespace Signet.Admin.Tests.Support;

/// <summary>One PostgreSQL server for the run, started on first use; each world gets a database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly Lazy<Task<PostgresServer>> _server = new(() => PostgresServer.StartAsync(CancellationToken.None));

    public async Task<string> CreateDatabaseAsync()
    {
        var server = await _server.Value;
        return await server.CreateDatabaseAsync("signet_api_", CancellationToken.None);
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
public sealed class PostgresGroup : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
