using System.Diagnostics;

namespace Signet.Dkim.Tests.Hostile;

/// <summary>A hang detector, not a speed test (speed is measured in bench/): an input that takes longer than the
/// bound is being handled in super-linear time, or not at all.</summary>
internal static class HangBound
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    public static T Within<T>(Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        T result = action();
        AssertUnder(watch.Elapsed);
        return result;
    }

    public static async Task<T> WithinAsync<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        T result = await action();
        AssertUnder(watch.Elapsed);
        return result;
    }

    private static void AssertUnder(TimeSpan elapsed) =>
        Assert.True(elapsed < Limit, $"took {elapsed.TotalMilliseconds:F0} ms, over the {Limit.TotalSeconds:F0} s hang bound");
}
