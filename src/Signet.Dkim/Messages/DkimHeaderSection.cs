namespace Signet.Dkim.Messages;

/// <summary>Finds where the header section ends in a message that arrives as bytes.</summary>
public static class DkimHeaderSection
{
    /// <summary>Returns the length of the header section including the empty line that ends it (so the body
    /// starts at the returned index), or -1 when the empty line is not in <paramref name="data"/> yet.
    /// Both CRLF CRLF and LF LF (and mixed) end the section.</summary>
    public static int FindBodyStart(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("\r\n"u8)) return 2;
        if (data.StartsWith("\n"u8)) return 1;
        int offset = 0;
        while (true)
        {
            int newline = data[offset..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return -1;
            }

            int lineStart = offset + newline + 1;
            var rest = data[lineStart..];
            if (rest.StartsWith("\r\n"u8)) return lineStart + 2;
            if (rest.StartsWith("\n"u8)) return lineStart + 1;
            if (rest.IsEmpty || rest.Length == 1 && rest[0] == (byte)'\r')
            {
                return -1;
            }

            offset = lineStart;
        }
    }

    /// <summary>The header bytes without the empty line that ends them.</summary>
    public static ReadOnlySpan<byte> WithoutSeparator(ReadOnlySpan<byte> headerWithSeparator)
    {
        if (headerWithSeparator.EndsWith("\r\n"u8)) return headerWithSeparator[..^2];
        if (headerWithSeparator.EndsWith("\n"u8)) return headerWithSeparator[..^1];
        return headerWithSeparator;
    }
}
