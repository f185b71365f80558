using System.Text.RegularExpressions;
using Signet.Testing;

namespace Signet.Architecture.Tests;

/// <summary>A log event id names one event in the whole solution, so a filter or an alert on an id (journalctl, a log
/// shipper) catches that event and nothing else. Each log class keeps its own thousand: 1xxx the milter, 2xxx the
/// mail pipeline both front ends share, 3xxx the relay, 4xxx serve, 5xxx the API; read from the [LoggerMessage]
/// attributes in src/.</summary>
public sealed partial class LogEventIdTests
{
    [Fact]
    public void EveryLogEventId_IsUsedOnce()
    {
        var events = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => LoggerMessage().Matches(File.ReadAllText(path))
                .Select(match => (Id: int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), File: Path.GetRelativePath(RepositoryPaths.Root, path))))
            .ToList();

        Assert.True(events.Count > 40, $"only {events.Count} [LoggerMessage] ids found: is the pattern still right?");
        var repeated = events.GroupBy(e => e.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.File))}").ToList();
        Assert.True(repeated.Count == 0, "log event ids used more than once: " + string.Join("; ", repeated));
    }

    [GeneratedRegex(@"\[LoggerMessage\(\s*(?:EventId\s*=\s*)?(\d+)")]
    private static partial Regex LoggerMessage();
}
