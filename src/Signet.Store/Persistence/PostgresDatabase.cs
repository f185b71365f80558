using System.Data.Common;
using Npgsql;

namespace Signet.Store.Persistence;

/// <summary>The several-node backend: one PostgreSQL database shared by every node.</summary>
internal sealed class PostgresDatabase : StoreDatabase, IAsyncDisposable
{
    // Any fixed number: the advisory lock that serialises schema migrations between nodes.
    private const long MigrationLockId = 0x5167_6E65_7453_746F;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString)
    {
        // The slim builder maps only the basic types the schema uses (bigint, integer, text, bytea): the full one also
        // brings JSON, ranges, arrays and the rest, which a Native AOT executable would carry for nothing. TLS and
        // Kerberos stay available, as a connection string may ask for them.
        _dataSource = new NpgsqlSlimDataSourceBuilder(connectionString)
            .EnableTransportSecurity()
            .EnableIntegratedSecurity()
            .Build();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
    }

    public override string Description { get; }

    public override IReadOnlyList<string> Migrations => PostgresMigrations.Steps;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override Task LockForMigrationAsync(StoreSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync("SELECT pg_advisory_xact_lock(@id)", StoreParameters.Of(new { id = MigrationLockId }), cancellationToken);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
