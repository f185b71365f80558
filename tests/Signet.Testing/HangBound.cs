using System.Globalization;

namespace Signet.Testing;

/// <summary>A hang detector, not a speed test (speed is measured in bench/): an input that needs more than the
/// bound is being handled in super-linear time, or not at all. The bound is CPU time of the thread doing the work,
/// not wall-clock time, so a loaded machine (which delays the thread but does not make it work more) cannot trip it.</summary>
public static class HangBound
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    public static T Within<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var start = ThreadCpuTime();
        T result = action();
        EnsureUnder(ThreadCpuTime() - start);
        return result;
    }

    public static async Task<T> WithinAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var start = ThreadCpuTime();
        var task = action();
        var spent = ThreadCpuTime() - start;
        if (task.IsCompleted)
        {
            EnsureUnder(spent);
            return await task.ConfigureAwait(false);
        }

        // The work went on on other threads, whose CPU time this thread cannot see: only a deadline tells a hang there.
        return await task.WaitAsync(Eventually.DefaultDeadline).ConfigureAwait(false);
    }

    /// <summary>CPU time this thread has run, from Linux's per-thread scheduler statistics (nanoseconds on CPU).</summary>
    public static TimeSpan ThreadCpuTime()
    {
        string stat = File.ReadAllText("/proc/thread-self/schedstat");
        long nanoseconds = long.Parse(stat.AsSpan(0, stat.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        return TimeSpan.FromTicks(nanoseconds / 100);
    }

    private static void EnsureUnder(TimeSpan spent)
    {
        if (spent >= Limit)
        {
            throw new TimeoutException($"took {spent.TotalMilliseconds:F0} ms of CPU, over the {Limit.TotalSeconds:F0} s hang bound");
        }
    }
}
