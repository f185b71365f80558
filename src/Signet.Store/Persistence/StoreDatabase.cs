using System.Data.Common;

namespace Signet.Store.Persistence;

/// <summary>One database backend: how to connect, and the schema as ordered SQL steps (step i makes version i+1).</summary>
internal abstract class StoreDatabase
{
    private long _commands;

    /// <summary>How many SQL commands sessions of this database have sent (the connection's set-up not included).</summary>
    public long Commands => Interlocked.Read(ref _commands);

    public void CountCommand() => Interlocked.Increment(ref _commands);

    public abstract string Description { get; }

    public abstract IReadOnlyList<string> Migrations { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Keeps two nodes from migrating at once; the migration transaction holds it.</summary>
    public virtual Task LockForMigrationAsync(StoreSession session, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract bool IsUniqueViolation(DbException exception);

    public async Task<StoreSession> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new StoreSession(connection, transaction, this);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
