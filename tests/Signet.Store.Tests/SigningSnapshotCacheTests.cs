using System.Reflection;
using Signet.Dkim.Keys;
using Signet.Store.Model;
using Signet.Store.Policy;
using Signet.Testing;

namespace Signet.Store.Tests;

/// <summary>The mail path's snapshot: fresh reads never touch the store, and a refresh past the interval does not make
/// every message wait behind one query.</summary>
public sealed class SigningSnapshotCacheTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task GetAsync_PastTheIntervalWhileARefreshIsUnderway_ServesTheSnapshotInHand()
    {
        var (store, fake, time) = Create();
        using var cache = new SigningSnapshotCache(store, Interval, time);
        var first = await cache.GetAsync(CancellationToken.None);
        time.Advance(Interval + TimeSpan.FromSeconds(1));
        var gate = fake.Hold();

        var refreshing = cache.GetAsync(CancellationToken.None);
        var meanwhile = cache.GetAsync(CancellationToken.None);

        Assert.False(refreshing.IsCompleted);
        Assert.True(meanwhile.IsCompletedSuccessfully);
        Assert.Same(first, await meanwhile);
        fake.Revision = 2;
        gate.SetResult();
        Assert.Equal(2, (await refreshing).Revision);
        Assert.Equal(2, fake.RevisionQueries);
    }

    [Fact]
    public async Task GetAsync_StoreSilentForMoreThanOneExtraInterval_MakesCallersWait()
    {
        var (store, fake, time) = Create();
        using var cache = new SigningSnapshotCache(store, Interval, time);
        await cache.GetAsync(CancellationToken.None);
        time.Advance(3 * Interval);
        var gate = fake.Hold();

        var refreshing = cache.GetAsync(CancellationToken.None);
        var waiting = cache.GetAsync(CancellationToken.None);

        Assert.False(refreshing.IsCompleted);
        Assert.False(waiting.IsCompleted);
        gate.SetResult();
        await refreshing;
        await waiting;
    }

    [Fact]
    public async Task GetAsync_ManyCallersPastTheInterval_AskTheStoreOnce()
    {
        var (store, fake, time) = Create();
        using var cache = new SigningSnapshotCache(store, Interval, time);
        await cache.GetAsync(CancellationToken.None);
        time.Advance(Interval);
        var gate = fake.Hold();

        var calls = Enumerable.Range(0, 10).Select(_ => cache.GetAsync(CancellationToken.None).AsTask()).ToList();
        gate.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(2, fake.RevisionQueries);
    }

    private static (ISignetStore Store, CountingStore Fake, ManualTimeProvider Time) Create()
    {
        var store = DispatchProxy.Create<ISignetStore, CountingStore>();
        return (store, (CountingStore)(object)store, new ManualTimeProvider());
    }

    /// <summary>A store that answers only what the cache asks, counts revision queries, and can hold them.</summary>
    public class CountingStore : DispatchProxy
    {
        private TaskCompletionSource? _gate;
        private int _revisionQueries;

        public long Revision { get; set; } = 1;

        public int RevisionQueries => Volatile.Read(ref _revisionQueries);

        public TaskCompletionSource Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(ISignetStore.GetRevisionAsync) => QueryRevisionAsync(),
            nameof(ISignetStore.GetSigningSnapshotAsync) => Task.FromResult(Snapshot(Revision)),
            _ => throw new NotSupportedException(targetMethod?.Name),
        };

        private async Task<long> QueryRevisionAsync()
        {
            Interlocked.Increment(ref _revisionQueries);
            if (_gate is { } gate)
            {
                await gate.Task;
            }

            return Revision;
        }

        private static SigningSnapshot Snapshot(long revision) =>
            new(revision, new Dictionary<string, DomainEntry>(), new Dictionary<string, IReadOnlyList<SigningKey>>(),
                new ServerSettings("mx.example.com", false), [], new Dictionary<string, SubmissionUser>(), new Dictionary<Guid, DkimPrivateKey>());
    }
}
