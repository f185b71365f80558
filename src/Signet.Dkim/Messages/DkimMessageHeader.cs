namespace Signet.Dkim.Messages;

/// <summary>The header section of a message as a list of fields in order (top first).</summary>
public sealed class DkimMessageHeader
{
    public DkimMessageHeader(IReadOnlyList<DkimHeaderField> fields) => Fields = fields;

    public IReadOnlyList<DkimHeaderField> Fields { get; }

    /// <summary>The fields as a span when they are held in a list or an array (always, when parsed here): the header
    /// hash scans them some two hundred times per signature, and an interface call per look costs more than the look.</summary>
    internal ReadOnlySpan<DkimHeaderField> FieldSpan => Fields switch
    {
        List<DkimHeaderField> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
        DkimHeaderField[] array => array,
        _ => Fields.ToArray(),
    };

    /// <summary>The line ending the message uses (that of its first field): "\r\n" or "\n".</summary>
    public string LineEnding => Fields.Count > 0 && Fields[0].Raw.AsSpan().EndsWith("\r\n"u8) || Fields.Count == 0 ? "\r\n" : "\n";

    public IEnumerable<DkimHeaderField> Named(string name) => Fields.Where(f => f.IsNamed(name));

    /// <summary>Splits a header section (the bytes before the empty line) into fields. A line that starts with
    /// space or tab continues the field above it (RFC 5322 §2.2.3). A line that is neither a field nor a
    /// continuation makes the section unusable, and <paramref name="error"/> says which line.</summary>
    public static bool TryParse(ReadOnlySpan<byte> headerSection, out DkimMessageHeader header, out string error)
    {
        // At most one field per line: sized once, instead of growing through 4, 8 and 16 for an ordinary header.
        var fields = new List<DkimHeaderField>(Math.Min(headerSection.Count((byte)'\n') + 1, 64));
        header = new DkimMessageHeader(fields);
        error = string.Empty;
        int start = 0;
        int lineNumber = 0;
        int position = 0;
        while (position < headerSection.Length)
        {
            int newline = headerSection[position..].IndexOf((byte)'\n');
            int next = newline < 0 ? headerSection.Length : position + newline + 1;
            lineNumber++;
            bool continuation = headerSection[position] is (byte)' ' or (byte)'\t';
            if (!continuation && position > start)
            {
                fields.Add(new DkimHeaderField(headerSection[start..position].ToArray()));
                start = position;
            }

            if (continuation && position == 0)
            {
                error = "line 1 of the header starts with whitespace: it continues no header field";
                return false;
            }

            if (!continuation && !IsFieldStart(headerSection[position..next]))
            {
                error = $"line {lineNumber} of the header is not a header field (no \"Name:\" before it)";
                return false;
            }

            position = next;
        }

        if (position > start)
        {
            fields.Add(new DkimHeaderField(headerSection[start..position].ToArray()));
        }

        return true;
    }

    // RFC 5322 §3.6.8: field-name = 1*ftext (printable ASCII except colon), then optional WSP (obs-) and ":".
    private static bool IsFieldStart(ReadOnlySpan<byte> line)
    {
        int colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        var name = DkimWhitespace.TrimEndSpaceAndTab(line[..colon]);
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (byte b in name)
        {
            if (b is < 0x21 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }
}
