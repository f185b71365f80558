using System.Text;

namespace Signet.Dns;

/// <summary>Recovers the exact bytes of a TXT character-string from what DnsClient 1.8 exposes. Neither of its two
/// forms is exact alone: <c>Text</c> is UTF-8 decoded, so bytes that are not UTF-8 become U+FFFD; <c>EscapedText</c>
/// writes bytes outside 32-126 as <c>\DDD</c> and <c>"</c> as <c>\"</c> but leaves <c>\</c> itself unescaped, so
/// <c>\200</c> there may be one byte or four. The bytes sought are the ones that give both forms.</summary>
internal static class DnsClientTxtBytes
{
    // Each ambiguous \DDD doubles the candidates; real key records have none (RFC 6376 §3.6.1 keys are ASCII).
    private const int MaxAmbiguousEscapes = 10;

    public static bool TryRecover(string escaped, string text, out byte[] bytes)
    {
        // Valid UTF-8 decodes and encodes back to the same bytes, so without a replacement character Text is exact.
        if (!text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            bytes = Encoding.UTF8.GetBytes(text);
            return true;
        }

        var pieces = Split(escaped);
        if (pieces is null || pieces.Count(piece => piece.Escape is not null) > MaxAmbiguousEscapes)
        {
            bytes = [];
            return false;
        }

        return TryChoose(pieces, 0, new List<byte>(escaped.Length), escaped, text, out bytes);
    }

    /// <summary>How DnsClient 1.8 writes a character-string into EscapedText.</summary>
    public static string Escape(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (byte value in bytes)
        {
            if (value is < 32 or > 126)
            {
                text.Append('\\').Append(value.ToString("000", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(value == (byte)'"' ? "\\\"" : ((char)value).ToString());
            }
        }

        return text.ToString();
    }

    private static bool TryChoose(List<Piece> pieces, int index, List<byte> chosen, string escaped, string text, out byte[] bytes)
    {
        if (index == pieces.Count)
        {
            bytes = [.. chosen];
            return Escape(bytes) == escaped && Encoding.UTF8.GetString(bytes) == text;
        }

        var piece = pieces[index];
        if (piece.Escape is { } value)
        {
            chosen.Add(value);
            if (TryChoose(pieces, index + 1, chosen, escaped, text, out bytes))
            {
                return true;
            }

            chosen.RemoveAt(chosen.Count - 1);
        }

        chosen.AddRange(piece.Literal);
        bool found = TryChoose(pieces, index + 1, chosen, escaped, text, out bytes);
        chosen.RemoveRange(chosen.Count - piece.Literal.Length, piece.Literal.Length);
        return found;
    }

    /// <summary>Cuts EscapedText into pieces; a piece with an <see cref="Piece.Escape"/> may mean that byte or its
    /// literal characters. Null if a character cannot have come from DnsClient's escaping.</summary>
    private static List<Piece>? Split(string escaped)
    {
        var pieces = new List<Piece>(escaped.Length);
        int position = 0;
        while (position < escaped.Length)
        {
            char current = escaped[position];
            if (current > 126 || current < 32)
            {
                return null;
            }

            if (current == '\\' && position + 1 < escaped.Length && escaped[position + 1] == '"')
            {
                pieces.Add(new Piece([(byte)'"'], null));
                position += 2;
            }
            else if (current == '\\' && position + 3 < escaped.Length && IsNumber(escaped.AsSpan(position + 1, 3), out int number)
                && number <= 255 && number is < 32 or > 126)
            {
                pieces.Add(new Piece(Encoding.ASCII.GetBytes(escaped.Substring(position, 4)), (byte)number));
                position += 4;
            }
            else
            {
                pieces.Add(new Piece([(byte)current], null));
                position++;
            }
        }

        return pieces;
    }

    private static bool IsNumber(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        foreach (char digit in digits)
        {
            if (!char.IsAsciiDigit(digit))
            {
                return false;
            }

            number = (number * 10) + (digit - '0');
        }

        return true;
    }

    private sealed record Piece(byte[] Literal, byte? Escape);
}
