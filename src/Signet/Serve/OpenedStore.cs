using Signet.Store;

namespace Signet.Serve;

/// <summary>The store <c>signet serve</c> opened at start (after its options were validated, before anything that
/// uses it starts), and the signing snapshot cache the milter reads through.</summary>
public sealed class OpenedStore : IAsyncDisposable
{
    private SignetStore? _store;
    private SigningSnapshotCache? _snapshots;

    public SignetStore Store => _store ?? throw new InvalidOperationException("the store is not open yet");

    public SigningSnapshotCache Snapshots => _snapshots ?? throw new InvalidOperationException("the store is not open yet");

    /// <summary>Opens the store (creating the embedded SQLite database and master key on first run); the error when
    /// the options cannot be used. A database that cannot be reached or used throws <see cref="StoreUnavailableException"/>.</summary>
    public async Task<StoreError?> OpenAsync(StoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var opened = await SignetStore.OpenAsync(options, cancellationToken).ConfigureAwait(false);
        if (!opened.TryGetValue(out var value, out var error))
        {
            return error;
        }

        _store = value;
        _snapshots = new SigningSnapshotCache(_store, options.PollInterval);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _snapshots?.Dispose();
        if (_store is not null)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
