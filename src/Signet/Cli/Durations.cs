using System.Globalization;

namespace Signet.Cli;

/// <summary>Parses the durations and times the CLI accepts: "3600", "90s", "30m", "12h", "7d", "2w"; and
/// Unix times or ISO 8601 dates.</summary>
public static class Durations
{
    public static TimeSpan ParseDuration(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        char unit = trimmed.Length > 0 && char.IsAsciiLetter(trimmed[^1]) ? char.ToLowerInvariant(trimmed[^1]) : 's';
        string number = char.IsAsciiLetter(trimmed.Length > 0 ? trimmed[^1] : '0') ? trimmed[..^1] : trimmed;
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value <= 0)
        {
            throw new CliUsageException($"{option} {text}: expected a duration such as 3600, 90m, 12h, 7d or 2w");
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            'w' => TimeSpan.FromDays(7 * value),
            _ => throw new CliUsageException($"{option} {text}: unknown unit '{unit}' (use s, m, h, d or w)"),
        };
    }

    public static DateTimeOffset ParseTime(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        throw new CliUsageException($"{option} {text}: expected a Unix time (1528637909) or an ISO 8601 date (2018-06-10T13:38:29Z)");
    }
}
