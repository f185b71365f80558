using System.Diagnostics;
using System.Globalization;

namespace Signet.Bench;

/// <summary>The <c>--threads N</c> mode: each operation on one thread and on N threads at once, in turns, run by run,
/// all threads sharing one signer and one verifier (and so its parsed-key cache) as the milter's sessions do. The
/// ratio is what N threads give over one; a lock or cache that serializes shows as a ratio near 1 and as lock
/// contentions counted by the runtime.</summary>
public sealed class ThreadScaling(int threads, int runs, TimeSpan runDuration)
{
    /// <summary>Median operations per second on one thread and on <see cref="threads"/>, and the lock contentions
    /// per 1,000 operations in the multi-threaded runs.</summary>
    public (double One, double Many, double ContentionsPerThousand) Measure(Action operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        Run(operation, 1, runDuration / 4);
        Run(operation, threads, runDuration / 4);
        var one = new List<double>(runs);
        var many = new List<double>(runs);
        long contentions = 0;
        long operations = 0;
        for (int i = 0; i < runs; i++)
        {
            one.Add(Run(operation, 1, runDuration).PerSecond);
            long before = Monitor.LockContentionCount;
            var (perSecond, count) = Run(operation, threads, runDuration);
            contentions += Monitor.LockContentionCount - before;
            operations += count;
            many.Add(perSecond);
        }

        return (Median(one), Median(many), contentions * 1000.0 / Math.Max(1, operations));
    }

    public static string Row(string name, (double One, double Many, double ContentionsPerThousand) r, int threads) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {r.One:N0} | {r.Many:N0} | {r.Many / r.One:0.00}× (of {threads}×) | {r.ContentionsPerThousand:0.00} |");

    private static (double PerSecond, long Count) Run(Action operation, int threads, TimeSpan duration)
    {
        long total = 0;
        using var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            var stopwatch = Stopwatch.StartNew();
            long count = 0;
            while (stopwatch.Elapsed < duration)
            {
                for (int i = 0; i < 8; i++)
                {
                    operation();
                }

                count += 8;
            }

            Interlocked.Add(ref total, count);
        }) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        start.SignalAndWait();
        var elapsed = Stopwatch.StartNew();
        workers.ForEach(w => w.Join());
        return (total / elapsed.Elapsed.TotalSeconds, total);
    }

    private static double Median(List<double> rates)
    {
        rates.Sort();
        return rates[rates.Count / 2];
    }
}
