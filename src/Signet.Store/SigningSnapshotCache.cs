namespace Signet.Store;

/// <summary>Keeps the signing snapshot for the mail path: asks the store for its revision at most once per poll
/// interval and rebuilds the snapshot only when the revision changed, so a change made on any node is seen within
/// the interval. Fresh reads return synchronously.</summary>
public sealed class SigningSnapshotCache : IDisposable
{
    private readonly ISigningSnapshotSource _store;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private SigningSnapshot? _snapshot;
    private long _checkedAtTicks;

    public SigningSnapshotCache(ISigningSnapshotSource store, TimeSpan pollInterval, TimeProvider? time = null)
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
        if (snapshot is not null && _time.GetUtcNow() - CheckedAt < _pollInterval)
        {
            return ValueTask.FromResult(snapshot);
        }

        // Past the interval, one caller asks the store; the messages arriving meanwhile are served the snapshot in
        // hand instead of queueing behind that query, for one more interval at most: a store that stays silent longer
        // than that makes them wait, and fail, as the first one does.
        if (snapshot is not null && _time.GetUtcNow() - CheckedAt < 2 * _pollInterval && _refresh.CurrentCount == 0)
        {
            return ValueTask.FromResult(snapshot);
        }

        return new ValueTask<SigningSnapshot>(RefreshAsync(onlyWhenStale: true, cancellationToken));
    }

    /// <summary>Asks for the revision now and rebuilds when it changed.</summary>
    public Task<SigningSnapshot> RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(onlyWhenStale: false, cancellationToken);

    private async Task<SigningSnapshot> RefreshAsync(bool onlyWhenStale, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (onlyWhenStale && _snapshot is { } fresh && now - CheckedAt < _pollInterval)
            {
                // Another caller refreshed it while this one waited.
                return fresh;
            }

            long revision = await _store.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
            if (_snapshot is null || _snapshot.Revision != revision)
            {
                Volatile.Write(ref _snapshot, await _store.GetSigningSnapshotAsync(cancellationToken).ConfigureAwait(false));
                Rebuilds++;
            }

            CheckedAt = now;
            return _snapshot!;
        }
        finally
        {
            _refresh.Release();
        }
    }

    // Read by every message without the lock: kept as ticks so the read is one atomic 64-bit load.
    private DateTimeOffset CheckedAt
    {
        get => new(Interlocked.Read(ref _checkedAtTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _checkedAtTicks, value.UtcTicks);
    }

    public void Dispose() => _refresh.Dispose();
}
