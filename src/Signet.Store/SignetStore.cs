using System.Data.Common;
using Signet.Dkim.Lookup;
using Signet.Dns;
using Signet.Dns.Authoritative;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Persistence;
using Signet.Store.Security;

namespace Signet.Store;

/// <summary>The store behind <see cref="ISignetStore"/>: SQLite in the data directory by default, PostgreSQL when
/// several nodes share one database. Open it with <see cref="OpenAsync(StoreOptions, CancellationToken)"/>.</summary>
public sealed partial class SignetStore : ISignetStore, IAsyncDisposable
{
    internal const string WrongMasterKey = "the master key does not decrypt the stored keys: is this the right key file?";

    private readonly StoreDatabase _database;
    private readonly KeySealer _sealer;
    private readonly ITxtRecordSource _dns;
    private readonly AuthoritativeTxtLookup? _authoritative;
    private readonly TimeProvider _time;
    private readonly StoreOptions _options;
    private long _privateKeysOpened;

    private SignetStore(StoreOptions options, StoreDatabase database, KeySealer sealer, ITxtRecordSource dns, AuthoritativeTxtLookup? authoritative, TimeProvider time)
    {
        _authoritative = authoritative;
        _options = options;
        _database = database;
        _sealer = sealer;
        _dns = dns;
        _time = time;
    }

    public StoreOptions Options => _options;

    /// <summary>Opens the store with real DNS and the system clock.</summary>
    public static Task<StoreResult<SignetStore>> OpenAsync(StoreOptions options, CancellationToken cancellationToken) =>
        OpenAsync(options, null, null, cancellationToken);

    /// <summary>Validates the options, loads or creates the master key, creates or upgrades the schema, and checks
    /// that the master key opens what the database holds. <paramref name="dns"/> replaces real DNS for checks.
    /// Unusable options or key file are an <see cref="StoreErrorKind.Invalid"/> result; a database that cannot be
    /// reached or used, or a master key that does not open it, throws <see cref="StoreUnavailableException"/>.</summary>
    public static async Task<StoreResult<SignetStore>> OpenAsync(
        StoreOptions options, ITxtRecordSource? dns, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.TryValidate(out string error))
        {
            return StoreResult<SignetStore>.Failure(StoreErrorKind.Invalid, error);
        }

        try
        {
            OwnerOnlyFiles.CreateDirectory(options.DataDirectory);
            if (options.ConnectionString is null)
            {
                SqliteDatabase.ProtectFiles(options.DatabasePath);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"the data directory {options.DataDirectory} could not be created: {exception.Message}", exception);
        }

        if (!MasterKey.TryLoad(options, out byte[] key, out error))
        {
            return StoreResult<SignetStore>.Failure(StoreErrorKind.Invalid, error);
        }

        StoreDatabase database = options.ConnectionString is { } connectionString
            ? new PostgresDatabase(connectionString)
            : new SqliteDatabase(options.DatabasePath);
        // With real DNS, a key's check asks the zone's authoritative servers directly: an explicit check must not be
        // answered from a cache that still holds the record as it was before a fix.
        var store = new SignetStore(options, database, new KeySealer(key), dns ?? new DnsTxtRecordSource(options.DnsResolver),
            dns is null ? new AuthoritativeTxtLookup(options.DnsResolver) : null, time ?? TimeProvider.System);
        try
        {
            await store.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return StoreResult<SignetStore>.Success(store);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SchemaMigrator.MigrateAsync(_database, null, cancellationToken).ConfigureAwait(false);
            await InitializeSettingsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StoreSchemaException exception)
        {
            throw new StoreUnavailableException(exception.Message, exception);
        }
        catch (DbException exception)
        {
            throw Unreachable(exception);
        }
    }

    private async Task InitializeSettingsAsync(CancellationToken cancellationToken)
    {
        await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
        const string insert = "INSERT INTO settings (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING";
        await session.ExecuteAsync(insert, StoreParameters.Of(new { name = Settings.MasterKeyCheck, value = _sealer.SealCheck() }), cancellationToken).ConfigureAwait(false);
        await session.ExecuteAsync(insert, StoreParameters.Of(new { name = Settings.HostName, value = DefaultHostName() }), cancellationToken).ConfigureAwait(false);
        // Off until an admin turns it on: a server-wide signature is never aligned with From, domain keys are preferred.
        await session.ExecuteAsync(insert, StoreParameters.Of(new { name = Settings.ServerSigningEnabled, value = "false" }), cancellationToken).ConfigureAwait(false);
        string check = await session.ScalarAsync<string>("SELECT value FROM settings WHERE name = @name",
            StoreParameters.Of(new { name = Settings.MasterKeyCheck }), cancellationToken).ConfigureAwait(false) ?? string.Empty;
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (!_sealer.OpensCheck(check))
        {
            throw new StoreUnavailableException(WrongMasterKey);
        }
    }

    private static string DefaultHostName() => MachineHostName.FullyQualified();

    /// <summary>A race lost to another writer becomes a conflict, an expected outcome; any other database fault is the
    /// store failing and becomes the one <see cref="StoreUnavailableException"/> with the database's reason.</summary>
    private async Task<StoreResult<T>> GuardAsync<T>(Func<Task<StoreResult<T>>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (DbException exception) when (_database.IsUniqueViolation(exception))
        {
            return StoreResult<T>.Failure(StoreErrorKind.Conflict, "another change got there first (the name is taken): try again");
        }
        catch (DbException exception)
        {
            throw Unreachable(exception);
        }
    }

    /// <summary>As <see cref="GuardAsync{T}"/> for the reads that return no result (the snapshot, the revision).</summary>
    private async Task<T> GuardReadAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            throw Unreachable(exception);
        }
    }

    private StoreUnavailableException Unreachable(DbException exception) =>
        new($"the {_database.Description} is not usable: {exception.Message}{DiskSpaceNote()}", exception);

    /// <summary>SQLite reports a disk that filled during a write as "database or disk is full", or, when the
    /// write-ahead log is what hit it, as a plain I/O error: say that the disk is full when it is, so the admin frees
    /// space rather than checks the hardware. PostgreSQL names its own reason.</summary>
    private string DiskSpaceNote()
    {
        if (Options.ConnectionString is not null || Path.GetDirectoryName(Options.DatabasePath) is not { Length: > 0 } folder)
        {
            return string.Empty;
        }

        try
        {
            long free = new DriveInfo(folder).AvailableFreeSpace;
            return free < LowDiskSpace ? $" (the disk that holds it is full: {free / 1024} KB free)" : string.Empty;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return string.Empty;
        }
    }

    /// <summary>Under this much free space a failed write is put down to a full disk.</summary>
    private const long LowDiskSpace = 1024 * 1024;

    private DateTimeOffset Now => _time.GetUtcNow();

    private static Task BumpRevisionAsync(StoreSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync("UPDATE revision SET value = value + 1 WHERE id = 1", null, cancellationToken);

    private Task AuditAsync(StoreSession session, Actor actor, string action, string target, string? domain, string detail, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            "INSERT INTO audit (at, actor_id, actor, action, target, domain, detail) VALUES (@at, @actorId, @actorName, @action, @target, @domain, @detail)",
            StoreParameters.Of(new { at = Now.UtcTicks, actorId = actor.UserId.ToString("D"), actorName = actor.Name, action, target, domain, detail }),
            cancellationToken);

    /// <summary>The names of the settings rows.</summary>
    private static class Settings
    {
        public const string MasterKeyCheck = "master_key_check";
        public const string HostName = "host_name";
        public const string ServerSigningEnabled = "server_signing_enabled";
    }
}
