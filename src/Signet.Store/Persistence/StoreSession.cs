using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Signet.Store.Persistence;

/// <summary>A connection and its transaction: every change, its audit entry and the revision bump commit together.
/// Commands are plain ADO.NET (<see cref="StoreParameters"/> in, <see cref="StoreRowReader{T}"/> out): nothing is
/// generated at run time, so the store runs the same under the JIT and in a Native AOT executable.</summary>
internal sealed class StoreSession : IAsyncDisposable
{
    private const DynamicallyAccessedMemberTypes RowMembers =
        DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly StoreDatabase _database;

    public StoreSession(DbConnection connection, DbTransaction transaction, StoreDatabase database)
    {
        _connection = connection;
        _transaction = transaction;
        _database = database;
    }

    public async Task<int> ExecuteAsync(string sql, StoreParameters? parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<[DynamicallyAccessedMembers(RowMembers)] T>(string sql, StoreParameters? parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await StoreRowReader<T>.ReadAllAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one row, or the default when there is none; more than one is a programming error, as with Dapper.</summary>
    public async Task<T?> QuerySingleOrDefaultAsync<[DynamicallyAccessedMembers(RowMembers)] T>(string sql, StoreParameters? parameters, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<T>(sql, parameters, cancellationToken).ConfigureAwait(false);
        return rows.Count switch
        {
            0 => default,
            1 => rows[0],
            _ => throw new InvalidOperationException($"expected at most one row, got {rows.Count}: {sql}"),
        };
    }

    public async Task<T?> ScalarAsync<[DynamicallyAccessedMembers(RowMembers)] T>(string sql, StoreParameters? parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        return StoreRowReader<T>.Convert(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private DbCommand Command(string sql, StoreParameters? parameters)
    {
        _database.CountCommand();
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        parameters?.AddTo(command);
        return command;
    }
}
