namespace Signet.Dns.ZoneFiles;

/// <summary>TTL values as zone files write them: seconds (RFC 1035 §5.1), or with the unit letters BIND and nsd
/// accept (<c>1h30m</c>, <c>2d</c>, <c>1w</c>).</summary>
internal static class ZoneFileTtl
{
    public static bool IsValid(string text)
    {
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char current = char.ToLowerInvariant(text[i]);
            bool isUnit = current is 's' or 'm' or 'h' or 'd' or 'w';
            if (!char.IsAsciiDigit(current) && !(isUnit && char.IsAsciiDigit(text[i - 1])))
            {
                return false;
            }
        }

        return true;
    }
}
