using System.Data.Common;
using Dapper;

namespace Signet.Store.Persistence;

/// <summary>A connection and its transaction: every change, its audit entry and the revision bump commit together.</summary>
internal sealed class StoreSession : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly StoreDatabase _database;

    public StoreSession(DbConnection connection, DbTransaction transaction, StoreDatabase database)
    {
        _connection = connection;
        _transaction = transaction;
        _database = database;
    }

    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(Command(sql, parameters, cancellationToken));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        (await _connection.QueryAsync<T>(Command(sql, parameters, cancellationToken)).ConfigureAwait(false)).AsList();

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        _connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));

    public Task<T?> ScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        _connection.ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken));

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken)
    {
        _database.CountCommand();
        return new(sql, parameters, _transaction, cancellationToken: cancellationToken);
    }
}
