using System.Collections.Concurrent;
using Signet.Store;
using Signet.Store.Model;

namespace Signet.Tests.Serve;

/// <summary>Watches, for as long as a rotation test runs, that the record of every key the store has active is served
/// by the Knot primary with that key: a key that signs while its record is missing or wrong is mail that fails at
/// every receiver. Asks about every 100 ms, whether serve is up or not.</summary>
internal sealed class ServeRotationRecordWatch : IAsyncDisposable
{
    private readonly ServeRotationFlow _flow;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private Task _loop = Task.CompletedTask;
    private int _checks;

    private ServeRotationRecordWatch(ServeRotationFlow flow) => _flow = flow;

    /// <summary>How many times an active key's record was looked at.</summary>
    public int Checks => Volatile.Read(ref _checks);

    public IReadOnlyCollection<string> Violations => _violations;

    public static ServeRotationRecordWatch Start(ServeRotationFlow flow)
    {
        var watch = new ServeRotationRecordWatch(flow);
        watch._loop = Task.Run(() => watch.RunAsync(watch._stopping.Token));
        return watch;
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            foreach (var key in (await _flow.KeysAsync()).Where(k => k.State == KeyState.Active))
            {
                string expected = KeyRecords.ValueFor(key);
                string? served = await _flow.ServedOnNs1Async(key);
                Interlocked.Increment(ref _checks);
                if (served != expected)
                {
                    _violations.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff}: {key.RecordName} signs, but ns1 serves {served ?? "nothing"}");
                }
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }
}
