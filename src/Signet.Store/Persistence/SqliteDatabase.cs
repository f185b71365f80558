using System.Data.Common;
using Microsoft.Data.Sqlite;
using Signet.Store.Security;

namespace Signet.Store.Persistence;

/// <summary>The single-node backend: one SQLite file in the data directory, created on first run.</summary>
internal sealed class SqliteDatabase : StoreDatabase
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (sqlite.org/rescode.html).
    private const int UniqueConstraint = 2067;
    private const int PrimaryKeyConstraint = 1555;

    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>The files SQLite keeps beside the database (sqlite.org/tempfiles.html): the write-ahead log, its shared
    /// memory index and the rollback journal.</summary>
    public static IReadOnlyList<string> SidecarSuffixes { get; } = ["-wal", "-shm", "-journal"];

    /// <summary>Creates the database file 0600 before SQLite first opens it, and narrows existing database files to
    /// 0600. SQLite creates its -wal, -shm and -journal files with the mode of the database file, not the umask
    /// (sqlite.org/src, unix findCreateFileMode), so they follow.</summary>
    public static void ProtectFiles(string path)
    {
        // SQLite treats a zero-length file as an empty database (sqlite.org/fileformat.html).
        OwnerOnlyFiles.Ensure(path);
        foreach (string suffix in SidecarSuffixes)
        {
            OwnerOnlyFiles.Restrict(path + suffix);
        }
    }

    public override string Description => "SQLite database " + Path;

    public override IReadOnlyList<string> Migrations => SqliteMigrations.Steps;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragmas = connection.CreateCommand();
        // WAL lets the mail path read the keys while the console writes; NORMAL sync is safe under WAL
        // (sqlite.org/wal.html); the busy timeout waits for a writer instead of failing.
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: UniqueConstraint or PrimaryKeyConstraint };
}
