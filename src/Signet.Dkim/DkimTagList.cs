using System.Text;

namespace Signet.Dkim;

/// <summary>A parsed RFC 6376 §3.2 tag list (<c>a=b; c=d</c>), as used by DKIM-Signature header fields and key
/// records. Values keep their inner folding whitespace; leading and trailing whitespace is dropped.</summary>
public sealed class DkimTagList
{
    private readonly byte[] _source;
    private readonly (Range Name, Range Value)[] _tags;

    private DkimTagList(byte[] source, (Range Name, Range Value)[] tags)
    {
        _source = source;
        _tags = tags;
    }

    public int Count => _tags.Length;

    public ReadOnlySpan<byte> NameAt(int index) => _source.AsSpan()[_tags[index].Name];

    public ReadOnlySpan<byte> ValueAt(int index) => _source.AsSpan()[_tags[index].Value];

    /// <summary>Finds a tag by its name (tag names are case-sensitive, RFC 6376 §3.2).</summary>
    public bool TryGet(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        for (int i = 0; i < _tags.Length; i++)
        {
            if (NameAt(i).SequenceEqual(name))
            {
                value = ValueAt(i);
                return true;
            }
        }

        value = default;
        return false;
    }

    public bool Contains(ReadOnlySpan<byte> name) => TryGet(name, out _);

    /// <summary>Parses a tag list. On failure <paramref name="error"/> says what is wrong in words.</summary>
    public static bool TryParse(ReadOnlySpan<byte> input, out DkimTagList tags, out string error)
    {
        byte[] source = input.ToArray();
        var found = new List<(Range, Range)>();
        HashSet<string>? names = null;
        tags = null!;
        int position = 0;
        while (position < source.Length)
        {
            int end = source.AsSpan(position).IndexOf((byte)';');
            end = end < 0 ? source.Length : position + end;
            if (!TryParseSpec(source, position, end, found, ref names, out error))
            {
                return false;
            }

            position = end + 1;
        }

        tags = new DkimTagList(source, [.. found]);
        error = string.Empty;
        return true;
    }

    private static bool TryParseSpec(byte[] source, int start, int end, List<(Range, Range)> found, ref HashSet<string>? names, out string error)
    {
        error = string.Empty;
        var (specStart, specEnd) = Trim(source, start, end);
        if (specStart == specEnd)
        {
            // An empty spec is allowed only as the trailing ";" (RFC 6376 §3.2) or between folds.
            return true;
        }

        int equals = source.AsSpan(specStart, specEnd - specStart).IndexOf((byte)'=');
        if (equals < 0)
        {
            error = $"\"{Printable(source, specStart, specEnd)}\" has no '='";
            return false;
        }

        var (nameStart, nameEnd) = Trim(source, specStart, specStart + equals);
        if (!IsTagName(source.AsSpan(nameStart, nameEnd - nameStart)))
        {
            error = $"\"{Printable(source, nameStart, nameEnd)}\" is not a valid tag name";
            return false;
        }

        var (valueStart, valueEnd) = Trim(source, specStart + equals + 1, specEnd);
        // RFC 6376 §3.2: tags with duplicate names MUST NOT occur within a single tag-list.
        if (IsDuplicate(source, nameStart..nameEnd, found, ref names))
        {
            error = $"tag {Printable(source, nameStart, nameEnd)}= appears twice";
            return false;
        }

        if (!IsTagValue(source.AsSpan(valueStart, valueEnd - valueStart)))
        {
            error = $"the value of {Printable(source, nameStart, nameEnd)}= has a character not allowed in a tag value";
            return false;
        }

        found.Add((nameStart..nameEnd, valueStart..valueEnd));
        return true;
    }

    // A real signature or key record has about a dozen tags: comparing with the names so far costs nothing and makes
    // no strings. Past that, a set takes over, so that a hostile list of many tags still costs linear time. Names
    // are ASCII (checked before).
    private const int ScannedTags = 32;

    private static bool IsDuplicate(byte[] source, Range name, List<(Range Name, Range Value)> found, ref HashSet<string>? names)
    {
        if (names is null && found.Count < ScannedTags)
        {
            var span = source.AsSpan()[name];
            foreach (var tag in found)
            {
                if (span.SequenceEqual(source.AsSpan()[tag.Name]))
                {
                    return true;
                }
            }

            return false;
        }

        if (names is null)
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tag in found)
            {
                names.Add(Encoding.ASCII.GetString(source.AsSpan()[tag.Name]));
            }
        }

        return !names.Add(Encoding.ASCII.GetString(source.AsSpan()[name]));
    }

    private static (int Start, int End) Trim(byte[] source, int start, int end)
    {
        while (start < end && IsFoldingWhitespace(source[start])) start++;
        while (end > start && IsFoldingWhitespace(source[end - 1])) end--;
        return (start, end);
    }

    private static bool IsFoldingWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    // RFC 6376 §3.2: tag-name = ALPHA *ALNUMPUNC, ALNUMPUNC = ALPHA / DIGIT / "_".
    private static bool IsTagName(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty || !char.IsAsciiLetter((char)name[0]))
        {
            return false;
        }

        foreach (byte b in name)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b != (byte)'_')
            {
                return false;
            }
        }

        return true;
    }

    // RFC 6376 §3.2: VALCHAR = %x21-3A / %x3C-7E, separated by folding whitespace. Bytes above 0x7E are
    // accepted too: RFC 6376 errata and RFC 8616 allow UTF-8 in some values, and rejecting them breaks
    // nothing we sign.
    private static bool IsTagValue(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (b < 0x21 && !IsFoldingWhitespace(b) || b == (byte)';' || b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static string Printable(byte[] source, int start, int end)
    {
        var span = source.AsSpan(start, Math.Min(end - start, 40));
        var chars = new char[span.Length];
        for (int i = 0; i < span.Length; i++)
        {
            chars[i] = span[i] is >= 0x20 and < 0x7F ? (char)span[i] : '?';
        }

        return new string(chars);
    }
}
