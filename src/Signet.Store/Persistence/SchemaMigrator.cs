namespace Signet.Store.Persistence;

/// <summary>Brings a database to the newest schema, one recorded step at a time, in one transaction.</summary>
internal static class SchemaMigrator
{
    public static int LatestVersion(StoreDatabase database) => database.Migrations.Count;

    /// <summary>Applies the missing steps up to <paramref name="targetVersion"/> (the newest when null) and returns
    /// the version the database is at.</summary>
    public static async Task<int> MigrateAsync(StoreDatabase database, int? targetVersion, CancellationToken cancellationToken)
    {
        int target = targetVersion ?? database.Migrations.Count;
        await using var session = await database.BeginAsync(cancellationToken).ConfigureAwait(false);
        await database.LockForMigrationAsync(session, cancellationToken).ConfigureAwait(false);
        await session.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)", null, cancellationToken)
            .ConfigureAwait(false);
        long current = await session.ScalarAsync<long?>("SELECT MAX(version) FROM schema_version", null, cancellationToken)
            .ConfigureAwait(false) ?? 0;
        if (current > database.Migrations.Count)
        {
            throw new StoreSchemaException(
                $"the {database.Description} has schema version {current}, newer than this Signet knows ({database.Migrations.Count}): upgrade Signet");
        }

        for (int version = (int)current + 1; version <= target; version++)
        {
            await session.ExecuteAsync(database.Migrations[version - 1], null, cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync(
                "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)",
                StoreParameters.Of(new { version = (long)version, at = DateTimeOffset.UtcNow.UtcTicks }), cancellationToken).ConfigureAwait(false);
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Math.Max((int)current, target);
    }

    public static async Task<long> CurrentVersionAsync(StoreDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginAsync(cancellationToken).ConfigureAwait(false);
        return await session.ScalarAsync<long?>("SELECT MAX(version) FROM schema_version", null, cancellationToken).ConfigureAwait(false) ?? 0;
    }
}
