using Signet.Testing;

namespace Signet.Tests.Commands.Store;

/// <summary>The same commands on PostgreSQL with --store (the master key file still lives in --data).</summary>
[Trait("Tier", "Integration")]
public sealed class PostgresStoreCommandTests : IDisposable
{
    private readonly StoreCli _cli = new();

    [Fact]
    public async Task Store_OnPostgres_KeepsDomainsAndKeysAcrossRuns()
    {
        await using var server = await PostgresServer.StartAsync(CancellationToken.None);
        string connection = server.ConnectionString();
        await _cli.Ok("domain", "add", "--domain", "example.com", "--store", connection);
        await _cli.Ok("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519", "--store", connection);
        Assert.Contains("example.com", await _cli.Ok("domain", "list", "--store", connection));
        Assert.Contains("s1\tpending", await _cli.Ok("key", "list", "--domain", "example.com", "--store", connection));
        Assert.Equal(string.Empty, await _cli.Ok("domain", "list"));
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    public void Dispose() => _cli.Dispose();
}
