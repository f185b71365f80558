namespace Signet.Dkim.Alignment;

/// <summary>The character classes of RFC 5322 §3.2 that the address reader needs, with RFC 6532 §3.2's UTF-8.</summary>
internal static class AddressSyntax
{
    // RFC 5322 §3.2.3: atext = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "/" / "=" /
    // "?" / "^" / "_" / "`" / "{" / "|" / "}" / "~"; RFC 6532 §3.2 adds UTF8-non-ascii.
    public static bool IsAtomText(byte b) =>
        char.IsAsciiLetterOrDigit((char)b)
        || b >= 0x80
        || b is (byte)'!' or (byte)'#' or (byte)'$' or (byte)'%' or (byte)'&' or (byte)'\'' or (byte)'*'
            or (byte)'+' or (byte)'-' or (byte)'/' or (byte)'=' or (byte)'?' or (byte)'^' or (byte)'_'
            or (byte)'`' or (byte)'{' or (byte)'|' or (byte)'}' or (byte)'~';

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>Measures an RFC 2047 §2 encoded-word (<c>=?charset?B|Q?text?=</c>) at the start of
    /// <paramref name="text"/>. Its text may hold characters that are specials in RFC 5322, such as the comma of
    /// "=?utf-8?Q?Doe,_Jane?=" that careless encoders emit, so it is read as one word rather than as atoms.
    /// Characters that would change which address a reader sees ('&lt;', '&gt;', '@', '"', '\') end it.</summary>
    public static bool TryMeasureEncodedWord(ReadOnlySpan<byte> text, out int length)
    {
        length = 0;
        if (!text.StartsWith("=?"u8))
        {
            return false;
        }

        int position = 2;
        int charsetStart = position;
        while (position < text.Length && IsTokenByte(text[position]))
        {
            position++;
        }

        if (position == charsetStart || position + 3 > text.Length || text[position] != '?'
            || text[position + 1] is not ((byte)'B' or (byte)'b' or (byte)'Q' or (byte)'q') || text[position + 2] != '?')
        {
            return false;
        }

        position += 3;
        while (position < text.Length && IsEncodedText(text[position]))
        {
            position++;
        }

        if (position + 1 >= text.Length || text[position] != '?' || text[position + 1] != '=')
        {
            return false;
        }

        length = position + 2;
        return true;
    }

    // RFC 5322 §3.2.4: quoted-string = DQUOTE *([FWS] qcontent) [FWS] DQUOTE, qcontent = qtext / quoted-pair.
    public static bool TrySkipQuotedString(ReadOnlySpan<byte> text, ref int position)
    {
        position++;
        while (position < text.Length)
        {
            byte b = text[position];
            position += b == '\\' ? 2 : 1;
            if (b == '"')
            {
                return true;
            }
        }

        return false;
    }

    // RFC 5322 §3.4.1: domain-literal = [CFWS] "[" *([FWS] dtext) [FWS] "]" [CFWS].
    public static bool TrySkipDomainLiteral(ReadOnlySpan<byte> text, ref int position)
    {
        while (position < text.Length)
        {
            byte b = text[position];
            position += b == '\\' ? 2 : 1;
            if (b == ']')
            {
                return true;
            }
        }

        return false;
    }

    // RFC 5322 §3.2.2: comments nest and may hold quoted-pairs.
    public static bool TrySkipComment(ReadOnlySpan<byte> text, ref int position)
    {
        int depth = 0;
        while (position < text.Length)
        {
            byte b = text[position];
            position += b == '\\' ? 2 : 1;
            depth += b switch { (byte)'(' => 1, (byte)')' => -1, _ => 0 };
            if (depth == 0)
            {
                return true;
            }
        }

        return false;
    }

    public static string Describe(byte b) => b is >= 0x21 and < 0x7F ? $"'{(char)b}'" : $"byte 0x{b:X2}";

    // RFC 2047 §2: token = 1*<any CHAR except SPACE, CTLs, and especials>; RFC 2231 §5 adds "*language".
    private static bool IsTokenByte(byte b) =>
        b is > 0x20 and < 0x7F
        && b is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'@' or (byte)',' or (byte)';'
            or (byte)':' or (byte)'"' or (byte)'/' or (byte)'[' or (byte)']' or (byte)'?' or (byte)'.' or (byte)'=');

    // RFC 2047 §2: encoded-text = 1*<any printable ASCII except "?" and SPACE>, narrowed as described above.
    private static bool IsEncodedText(byte b) =>
        b is > 0x20 and < 0x7F
        && b is not ((byte)'?' or (byte)'<' or (byte)'>' or (byte)'@' or (byte)'"' or (byte)'\\');
}
