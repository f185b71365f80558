namespace Signet.Dkim;

/// <summary>Trimming of the whitespace header fields and tag lists use: WSP (SP, HTAB) and folding whitespace (WSP,
/// CR, LF; RFC 6376 §2.8). A test per byte, where the general <c>Trim(values)</c> searches its set for each byte:
/// the names of a header and of an h= list are trimmed some thirty times a message.</summary>
internal static class DkimWhitespace
{
    public static ReadOnlySpan<byte> TrimFolding(ReadOnlySpan<byte> value)
    {
        int start = 0;
        int end = value.Length;
        while (start < end && IsFolding(value[start])) start++;
        while (end > start && IsFolding(value[end - 1])) end--;
        return value[start..end];
    }

    public static ReadOnlySpan<byte> TrimEndSpaceAndTab(ReadOnlySpan<byte> value)
    {
        int end = value.Length;
        while (end > 0 && value[end - 1] is (byte)' ' or (byte)'\t') end--;
        return value[..end];
    }

    private static bool IsFolding(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
