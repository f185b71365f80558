namespace Signet.Dns.Publishing;

/// <summary>Checks names before they go into an update: a name from a user or a database is outside input.</summary>
internal static class DnsNames
{
    // RFC 1035 §2.3.4: labels of at most 63 octets, a name of at most 255 octets on the wire (253 as text).
    private const int MaximumLabel = 63;
    private const int MaximumName = 253;

    /// <summary>Lower case, without the trailing dot. Letters, digits, hyphens and underscores only (underscores for
    /// <c>_domainkey</c>, RFC 8552); no empty labels.</summary>
    public static bool TryNormalize(string? name, out string normalized, out string error)
    {
        normalized = string.Empty;
        string text = (name ?? string.Empty).Trim();
        text = text.EndsWith('.') ? text[..^1] : text;
        error = text switch
        {
            { Length: 0 } => "the name is empty",
            { Length: > MaximumName } => $"the name has {text.Length} characters; DNS allows {MaximumName}",
            _ => CheckLabels(text),
        };
        if (error.Length > 0)
        {
            return false;
        }

        normalized = text.ToLowerInvariant();
        return true;
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="zone"/> or lies below it (both normalized).</summary>
    public static bool IsWithin(string name, string zone) =>
        name == zone || name.EndsWith("." + zone, StringComparison.Ordinal);

    private static string CheckLabels(string text)
    {
        foreach (string label in text.Split('.'))
        {
            if (label.Length == 0)
            {
                return $"\"{Printable(text)}\" has an empty label";
            }

            if (label.Length > MaximumLabel)
            {
                return $"a label of \"{Printable(text)}\" has {label.Length} characters; DNS allows {MaximumLabel}";
            }

            if (label.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            {
                return $"\"{Printable(text)}\" holds a character other than letters, digits, '-' and '_'";
            }
        }

        return string.Empty;
    }

    // A hostile name may hold control characters; the message shows them escaped and cut short.
    private static string Printable(string text)
    {
        string shown = new(text.Take(80).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '?').ToArray());
        return text.Length > 80 ? shown + "…" : shown;
    }
}
