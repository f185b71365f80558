using System.Diagnostics;

namespace Signet.Bench;

/// <summary>Runs an operation repeatedly on this thread and reports operations per second (the median of several
/// runs) and the bytes it allocates per operation.</summary>
public sealed class Measurement(int runs, TimeSpan runDuration, bool smoke)
{
    public Result Measure(Action operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (smoke)
        {
            // Smoke mode proves the operation runs; it measures nothing.
            operation();
            return new Result(0, 0);
        }

        Run(operation, runDuration / 4);
        var rates = new List<double>(runs);
        long allocated = 0;
        long operations = 0;
        for (int i = 0; i < runs; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var (count, elapsed) = Run(operation, runDuration);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            operations += count;
            rates.Add(count / elapsed.TotalSeconds);
        }

        rates.Sort();
        return new Result(rates[rates.Count / 2], (double)allocated / operations);
    }

    private static (long Count, TimeSpan Elapsed) Run(Action operation, TimeSpan duration)
    {
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

        return (count, stopwatch.Elapsed);
    }

    public readonly record struct Result(double PerSecond, double AllocatedBytes);
}
