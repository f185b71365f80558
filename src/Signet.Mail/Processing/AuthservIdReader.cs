using System.Text;

namespace Signet.Mail.Processing;

/// <summary>Reads the authserv-id at the start of an Authentication-Results value (RFC 8601 §2.2): after optional
/// whitespace and comments, a token or a quoted-string.</summary>
public static class AuthservIdReader
{
    public static string? Read(ReadOnlySpan<byte> value)
    {
        int position = SkipWhitespaceAndComments(value, 0);
        if (position >= value.Length)
        {
            return null;
        }

        if (value[position] == (byte)'"')
        {
            return ReadQuoted(value, position + 1);
        }

        int start = position;
        while (position < value.Length && value[position] is not ((byte)';' or (byte)'(' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            position++;
        }

        return position > start ? Encoding.UTF8.GetString(value[start..position]) : null;
    }

    /// <summary>Whether the value claims <paramref name="authservId"/>; authserv-ids compare without regard to case,
    /// as domain names do.</summary>
    public static bool Claims(ReadOnlySpan<byte> value, string authservId) =>
        string.Equals(Read(value), authservId, StringComparison.OrdinalIgnoreCase);

    private static int SkipWhitespaceAndComments(ReadOnlySpan<byte> value, int position)
    {
        int depth = 0;
        while (position < value.Length)
        {
            byte b = value[position];
            if (depth > 0 && b == (byte)'\\')
            {
                position += 2;
                continue;
            }

            if (b == (byte)'(')
            {
                depth++;
            }
            else if (b == (byte)')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return position;
            }

            position++;
        }

        return position;
    }

    private static string? ReadQuoted(ReadOnlySpan<byte> value, int position)
    {
        var text = new List<byte>();
        while (position < value.Length)
        {
            byte b = value[position++];
            if (b == (byte)'"')
            {
                return Encoding.UTF8.GetString(text.ToArray());
            }

            if (b == (byte)'\\' && position < value.Length)
            {
                b = value[position++];
            }

            text.Add(b);
        }

        return null;
    }
}
