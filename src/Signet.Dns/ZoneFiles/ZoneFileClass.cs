namespace Signet.Dns.ZoneFiles;

/// <summary>The class field of a record (RFC 1035 §3.2.4, RFC 3597 §5 for <c>CLASSnn</c>).</summary>
internal static class ZoneFileClass
{
    /// <summary>True when <paramref name="text"/> is a class; <paramref name="isInternet"/> says whether it is IN,
    /// the only class DKIM keys live in.</summary>
    public static bool TryParse(string text, out bool isInternet)
    {
        string upper = text.ToUpperInvariant();
        isInternet = upper is "IN" or "CLASS1";
        return isInternet
            || upper is "CH" or "HS" or "CS"
            || (upper.StartsWith("CLASS", StringComparison.Ordinal) && upper.Length > 5 && upper[5..].All(char.IsAsciiDigit));
    }
}
