using Microsoft.Data.Sqlite;

namespace Signet.Store;

/// <summary>Copies of the embedded SQLite store, made with SQLite's online backup API (sqlite.org/backup.html): the
/// copy is one consistent state of the database even while <c>signet serve</c> writes to it. The master key is not
/// in the copy; it is a separate secret, backed up apart. PostgreSQL stores are backed up with <c>pg_dump</c>.</summary>
public static class StoreBackup
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Copies the store in <paramref name="dataDirectory"/> to <paramref name="destination"/> (mode 0600,
    /// written beside it first, then renamed, so a failed copy never leaves a half file under that name).</summary>
    public static StoreResult<StoreBackupSummary> Back(string dataDirectory, string destination)
    {
        string database = Path.Combine(dataDirectory, StoreOptions.DatabaseFileName);
        if (!File.Exists(database))
        {
            return StoreResult<StoreBackupSummary>.Failure(StoreErrorKind.NotFound, $"there is no store in {dataDirectory} ({StoreOptions.DatabaseFileName} is missing)");
        }

        string partial = destination + ".partial";
        File.Delete(partial);
        CreateOwnerOnly(partial);

        using (var source = Open(database, SqliteOpenMode.ReadOnly))
        using (var copy = Open(partial, SqliteOpenMode.ReadWrite))
        {
            source.BackupDatabase(copy);
        }

        var summary = Summarize(partial);
        if (summary.Succeeded)
        {
            File.Move(partial, destination, overwrite: true);
        }

        return summary;
    }

    /// <summary>Replaces the store in <paramref name="dataDirectory"/> with the copy in <paramref name="backup"/>. A
    /// store that holds keys is replaced only with <paramref name="force"/>: restoring over it destroys them.</summary>
    public static StoreResult<StoreBackupSummary> Restore(string backup, string dataDirectory, bool force)
    {
        if (!File.Exists(backup))
        {
            return StoreResult<StoreBackupSummary>.Failure(StoreErrorKind.NotFound, $"{backup} does not exist");
        }

        var restored = Summarize(backup);
        if (!restored.TryGetValue(out _, out var error))
        {
            return error;
        }

        string database = Path.Combine(dataDirectory, StoreOptions.DatabaseFileName);
        if (File.Exists(database) && !force && Summarize(database).TryGetValue(out var existing, out _) && existing.Keys > 0)
        {
            return StoreResult<StoreBackupSummary>.Failure(StoreErrorKind.Conflict,
                $"{dataDirectory} holds a store with {existing.Keys} keys: restoring would destroy them (add --force to replace it)");
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!File.Exists(database))
        {
            CreateOwnerOnly(database);
        }

        // Through the backup API as well, so a target in WAL mode (with its -wal and -shm files) is replaced whole.
        using (var source = Open(backup, SqliteOpenMode.ReadOnly))
        using (var target = Open(database, SqliteOpenMode.ReadWrite))
        {
            source.BackupDatabase(target);
        }

        return restored;
    }

    private static StoreResult<StoreBackupSummary> Summarize(string path)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT count(*) FROM domains), (SELECT count(*) FROM keys)";
            using var reader = command.ExecuteReader();
            reader.Read();
            return StoreResult<StoreBackupSummary>.Success(new StoreBackupSummary(reader.GetInt32(0), reader.GetInt32(1)));
        }
        catch (SqliteException exception)
        {
            return StoreResult<StoreBackupSummary>.Failure(StoreErrorKind.Invalid, $"{path} is not a Signet store: {exception.Message}");
        }
    }

    /// <summary>An empty file readable by its owner only: it will hold the private keys (encrypted).</summary>
    private static void CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (new FileStream(path, options))
        {
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }
}

/// <summary>What a backup holds: its domains and keys (every state).</summary>
public sealed record StoreBackupSummary(int Domains, int Keys);
