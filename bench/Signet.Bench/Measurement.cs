using System.Diagnostics;

namespace Signet.Bench;

/// <summary>Runs operations repeatedly on this thread and reports operations per second (the median of several
/// runs) and the bytes each allocates per operation. Operations measured together take turns, run by run, so a
/// burst of load from other processes on a shared machine falls on all of them alike and their ratio holds.</summary>
public sealed class Measurement(int runs, TimeSpan runDuration, bool smoke)
{
    public Result Measure(Action operation) => MeasureSideBySide(operation)[0];

    public IReadOnlyList<Result> MeasureSideBySide(params Action[] operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (smoke)
        {
            // Smoke mode proves the operations run; it measures nothing.
            foreach (var operation in operations)
            {
                operation();
            }

            return operations.Select(_ => new Result(0, 0)).ToList();
        }

        foreach (var operation in operations)
        {
            Run(operation, runDuration / 4);
        }

        var rates = operations.Select(_ => new List<double>(runs)).ToList();
        var allocated = new long[operations.Length];
        var counts = new long[operations.Length];
        for (int i = 0; i < runs; i++)
        {
            for (int o = 0; o < operations.Length; o++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var (count, elapsed) = Run(operations[o], runDuration);
                allocated[o] += GC.GetAllocatedBytesForCurrentThread() - before;
                counts[o] += count;
                rates[o].Add(count / elapsed.TotalSeconds);
            }
        }

        return rates.Select((r, o) => new Result(Median(r), (double)allocated[o] / counts[o])).ToList();
    }

    private static double Median(List<double> rates)
    {
        rates.Sort();
        return rates[rates.Count / 2];
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
