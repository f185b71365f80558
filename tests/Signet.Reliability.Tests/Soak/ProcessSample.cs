using System.Globalization;

namespace Signet.Reliability.Tests.Soak;

/// <summary>One look at a process from /proc: resident memory and open file descriptors.</summary>
internal sealed record ProcessSample(TimeSpan At, long ResidentKilobytes, int FileDescriptors, int Threads)
{
    public static ProcessSample Take(int pid, TimeSpan at)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Field(string name) => long.Parse(status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return new ProcessSample(at, Field("VmRSS"), Directory.GetFiles($"/proc/{pid}/fd").Length, (int)Field("Threads"));
    }

    /// <summary>The last third of the samples against the first third after the first (start-up) sample.</summary>
    public static ProcessTrend Trend(IReadOnlyList<ProcessSample> samples)
    {
        var steady = samples.Skip(1).ToList();
        int third = Math.Max(1, steady.Count / 3);
        var first = steady.Take(third).ToList();
        var last = steady.TakeLast(third).ToList();
        double firstRss = first.Average(s => s.ResidentKilobytes);
        double lastRss = last.Average(s => s.ResidentKilobytes);
        return new ProcessTrend(firstRss, lastRss, (lastRss - firstRss) / firstRss,
            first.Max(s => s.FileDescriptors), last.Max(s => s.FileDescriptors), last.Max(s => s.FileDescriptors) - first.Max(s => s.FileDescriptors));
    }

    public override string ToString() =>
        $"  t={At.TotalSeconds,6:0.0} s  rss={ResidentKilobytes / 1024.0,7:0.0} MiB  fds={FileDescriptors,4}  threads={Threads,3}";
}

internal sealed record ProcessTrend(double FirstResidentKilobytes, double LastResidentKilobytes, double ResidentGrowth, int FirstFileDescriptors, int LastFileDescriptors, int FileDescriptorGrowth)
{
    public override string ToString() =>
        $"trend: rss {FirstResidentKilobytes / 1024:0.0} → {LastResidentKilobytes / 1024:0.0} MiB ({ResidentGrowth:+0.0%;-0.0%}), " +
        $"fds {FirstFileDescriptors} → {LastFileDescriptors} ({FileDescriptorGrowth:+0;-0}); " +
        (ResidentGrowth < 0.1 && FileDescriptorGrowth <= 4 ? "no growth trend" : "GROWTH");
}
