namespace Signet.Admin.Console.Domains;

/// <summary>What looks wrong in a TXT value read from DNS, in words. Anyone who controls a zone controls these
/// values: they are always shown encoded, and flagged here when they hold what a policy record never holds.</summary>
public static class SuspiciousText
{
    /// <summary>Longer than this, an answer may not fit a 512-byte UDP reply with its headers (RFC 7208 §3.4).</summary>
    public const int LongRecord = 450;

    public static IReadOnlyList<string> Flags(string value)
    {
        var flags = new List<string>();
        if (value.Any(c => c is '<' or '>' or '"' or '\\'))
        {
            flags.Add("it contains <, >, \" or \\, which no SPF or DMARC record holds: someone may be testing your tools; check who can edit this zone");
        }

        if (value.Any(c => c < ' ' || c > '~'))
        {
            flags.Add("it contains control or non-ASCII characters, which receivers reject");
        }

        if (value.Length > LongRecord)
        {
            flags.Add($"it is {value.Length} characters long: over {LongRecord}, the answer may not fit in one UDP reply (RFC 7208 §3.4)");
        }

        return flags;
    }
}
