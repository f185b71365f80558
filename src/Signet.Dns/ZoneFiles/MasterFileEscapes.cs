namespace Signet.Dns.ZoneFiles;

/// <summary>The backslash escapes of DNS presentation format (RFC 1035 §5.1): <c>\X</c> is the character X itself,
/// <c>\DDD</c> is the byte with decimal value DDD.</summary>
internal static class MasterFileEscapes
{
    /// <summary>Reads the escape whose backslash is at <paramref name="text"/>[0].</summary>
    public static bool TryRead(ReadOnlySpan<byte> text, out byte value, out int consumed, out string error)
    {
        value = 0;
        consumed = 0;
        if (text.Length < 2)
        {
            error = "a backslash ends the text";
            return false;
        }

        if (!IsDigit(text[1]))
        {
            value = text[1];
            consumed = 2;
            error = string.Empty;
            return true;
        }

        // RFC 1035 §5.1: \DDD, exactly three digits, a byte value.
        if (text.Length < 4 || !IsDigit(text[2]) || !IsDigit(text[3]))
        {
            error = "\\DDD needs three decimal digits";
            return false;
        }

        int number = ((text[1] - '0') * 100) + ((text[2] - '0') * 10) + (text[3] - '0');
        if (number > 255)
        {
            error = $"\\{number} is more than 255";
            return false;
        }

        value = (byte)number;
        consumed = 4;
        error = string.Empty;
        return true;
    }

    private static bool IsDigit(byte value) => value is >= (byte)'0' and <= (byte)'9';
}
