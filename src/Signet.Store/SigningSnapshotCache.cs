namespace Signet.Store;

/// <summary>Keeps the signing snapshot for the mail path: asks the store for its revision at most once per poll
/// interval and rebuilds the snapshot only when the revision changed, so a change made on any node is seen within
/// the interval. Fresh reads return synchronously.</summary>
public sealed class SigningSnapshotCache : IDisposable
{
    private readonly ISignetStore _store;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private SigningSnapshot? _snapshot;
    private DateTimeOffset _checkedAt;

    public SigningSnapshotCache(ISignetStore store, TimeSpan pollInterval, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        _store = store;
        _pollInterval = pollInterval;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How many times the snapshot was rebuilt: once at first use, then once per revision change seen.</summary>
    public int Rebuilds { get; private set; }

    public ValueTask<SigningSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && _time.GetUtcNow() - _checkedAt < _pollInterval)
        {
            return ValueTask.FromResult(snapshot);
        }

        return new ValueTask<SigningSnapshot>(RefreshAsync(cancellationToken));
    }

    /// <summary>Asks for the revision now and rebuilds when it changed.</summary>
    public async Task<SigningSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            long revision = await _store.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
            if (_snapshot is null || _snapshot.Revision != revision)
            {
                Volatile.Write(ref _snapshot, await _store.GetSigningSnapshotAsync(cancellationToken).ConfigureAwait(false));
                Rebuilds++;
            }

            _checkedAt = now;
            return _snapshot!;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();
}
