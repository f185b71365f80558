using System.Diagnostics;

namespace Signet.Testing;

/// <summary>Waits for a condition instead of sleeping a fixed time: it polls until the condition holds and fails
/// with the caller's message only once the deadline has passed. Deadlines are generous on purpose (a loaded
/// machine is slow, never wrong); a passing test returns as soon as its condition holds.</summary>
public static class Eventually
{
    /// <summary>The default deadline: far beyond what any condition needs on an idle machine.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static Task Until(Func<bool> condition, string because, TimeSpan? deadline = null) =>
        Until(() => Task.FromResult(condition()), because, deadline);

    public static async Task Until(Func<Task<bool>> condition, string because, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
        var clock = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"not within {limit.TotalSeconds:0} s: {because}");
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }
}
