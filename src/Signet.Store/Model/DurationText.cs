using System.Globalization;

namespace Signet.Store.Model;

/// <summary>A rotation period in words, for screens and audit lines: whole days as days ("90 days"), anything
/// shorter or uneven in the largest unit it fills exactly ("20 seconds", "36 hours"), so a period of seconds is never
/// shown as "0 days".</summary>
public static class DurationText
{
    public static string Describe(TimeSpan span) => span switch
    {
        { Ticks: 0 } => "0 seconds",
        _ when span.Ticks % TimeSpan.TicksPerDay == 0 => Count(span.Ticks / TimeSpan.TicksPerDay, "day"),
        _ when span.Ticks % TimeSpan.TicksPerHour == 0 => Count(span.Ticks / TimeSpan.TicksPerHour, "hour"),
        _ when span.Ticks % TimeSpan.TicksPerMinute == 0 => Count(span.Ticks / TimeSpan.TicksPerMinute, "minute"),
        _ when span.Ticks % TimeSpan.TicksPerSecond == 0 => Count(span.Ticks / TimeSpan.TicksPerSecond, "second"),
        _ => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " seconds",
    };

    private static string Count(long value, string unit) =>
        value.ToString(CultureInfo.InvariantCulture) + " " + unit + (value == 1 ? string.Empty : "s");
}
