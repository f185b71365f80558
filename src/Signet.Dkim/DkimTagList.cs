using System.Buffers;
using System.Text;

namespace Signet.Dkim;

/// <summary>A parsed RFC 6376 §3.2 tag list (<c>a=b; c=d</c>), as used by DKIM-Signature header fields and key
/// records. Values keep their inner folding whitespace; leading and trailing whitespace is dropped.</summary>
public sealed class DkimTagList
{
    private readonly ReadOnlyMemory<byte> _source;
    // The array the parse filled, used up to its count: an estimate one too high costs one unused slot, not a copy.
    private readonly TagBounds[] _tags;
    private readonly int _count;

    private DkimTagList(ReadOnlyMemory<byte> source, TagBounds[] tags, int count)
    {
        _source = source;
        _tags = tags;
        _count = count;
    }

    public int Count => _count;

    public ReadOnlySpan<byte> NameAt(int index) => Tags[index].Name(_source.Span);

    public ReadOnlySpan<byte> ValueAt(int index) => Tags[index].Value(_source.Span);

    private ReadOnlySpan<TagBounds> Tags => _tags.AsSpan(0, _count);

    /// <summary>Finds a tag by its name (tag names are case-sensitive, RFC 6376 §3.2).</summary>
    public bool TryGet(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        // A signature is read by name some twenty times per message: the span is taken once, and a name of another
        // length is passed over without comparing bytes.
        var source = _source.Span;
        for (int i = 0; i < _count; i++)
        {
            ref readonly var tag = ref _tags[i];
            if (tag.NameLength == name.Length && source.Slice(tag.NameStart, tag.NameLength).SequenceEqual(name))
            {
                value = source.Slice(tag.ValueStart, tag.ValueLength);
                return true;
            }
        }

        value = default;
        return false;
    }

    public bool Contains(ReadOnlySpan<byte> name) => TryGet(name, out _);

    /// <summary>Parses a tag list. On failure <paramref name="error"/> says what is wrong in words.</summary>
    public static bool TryParse(ReadOnlySpan<byte> input, out DkimTagList tags, out string error) =>
        TryParseInPlace(input.ToArray(), out tags, out error);

    /// <summary>Parses a tag list that stays in <paramref name="input"/>, which must not change while the list is
    /// used (a header field's own bytes).</summary>
    internal static bool TryParseInPlace(ReadOnlyMemory<byte> input, out DkimTagList tags, out string error)
    {
        var source = input.Span;
        // At most one tag per ';'-separated spec: an array of that size (up to a real signature's worth; a hostile list
        // of thousands of empty specs grows it only as tags are found), not a list growing through 4, 8 and 16.
        var found = new TagRanges(Math.Min(source.Count((byte)';') + 1, ScannedTags));
        HashSet<string>? names = null;
        tags = null!;
        int position = 0;
        while (position < source.Length)
        {
            int end = source.Slice(position).IndexOf((byte)';');
            end = end < 0 ? source.Length : position + end;
            if (!TryParseSpec(source, position, end, found, ref names, out error))
            {
                return false;
            }

            position = end + 1;
        }

        tags = new DkimTagList(input, found.Storage, found.Count);
        error = string.Empty;
        return true;
    }

    private static bool TryParseSpec(ReadOnlySpan<byte> source, int start, int end, TagRanges found, ref HashSet<string>? names, out string error)
    {
        error = string.Empty;
        var (specStart, specEnd) = Trim(source, start, end);
        if (specStart == specEnd)
        {
            // An empty spec is allowed only as the trailing ";" (RFC 6376 §3.2) or between folds.
            return true;
        }

        int equals = source.Slice(specStart, specEnd - specStart).IndexOf((byte)'=');
        if (equals < 0)
        {
            error = $"\"{Printable(source, specStart, specEnd)}\" has no '='";
            return false;
        }

        var (nameStart, nameEnd) = Trim(source, specStart, specStart + equals);
        if (!IsTagName(source.Slice(nameStart, nameEnd - nameStart)))
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

        if (!IsTagValue(source.Slice(valueStart, valueEnd - valueStart)))
        {
            error = $"the value of {Printable(source, nameStart, nameEnd)}= has a character not allowed in a tag value";
            return false;
        }

        found.Add(new TagBounds(nameStart, nameEnd - nameStart, valueStart, valueEnd - valueStart));
        return true;
    }

    // A real signature or key record has about a dozen tags: comparing with the names so far costs nothing and makes
    // no strings. Past that, a set takes over, so that a hostile list of many tags still costs linear time. Names
    // are ASCII (checked before).
    private const int ScannedTags = 32;

    private static bool IsDuplicate(ReadOnlySpan<byte> source, Range name, TagRanges found, ref HashSet<string>? names)
    {
        if (names is null && found.Count < ScannedTags)
        {
            var span = source[name];
            foreach (var tag in found.Items)
            {
                if (tag.NameLength == span.Length && span.SequenceEqual(tag.Name(source)))
                {
                    return true;
                }
            }

            return false;
        }

        if (names is null)
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tag in found.Items)
            {
                names.Add(Encoding.ASCII.GetString(tag.Name(source)));
            }
        }

        return !names.Add(Encoding.ASCII.GetString(source[name]));
    }

    private static (int Start, int End) Trim(ReadOnlySpan<byte> source, int start, int end)
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
    private static bool IsTagValue(ReadOnlySpan<byte> value) => !value.ContainsAny(NotInTagValue);

    // The bytes a tag value cannot hold: controls other than SP, HTAB, CR and LF, then ';' and DEL. Searching for
    // them is vectorized, where a test per byte was a visible part of parsing a signature's ~700 bytes.
    private static readonly SearchValues<byte> NotInTagValue = SearchValues.Create(
        [.. Enumerable.Range(0, 0x21).Select(b => (byte)b).Where(b => !IsFoldingWhitespace(b)), (byte)';', 0x7F]);

    private static string Printable(ReadOnlySpan<byte> source, int start, int end)
    {
        var span = source.Slice(start, Math.Min(end - start, 40));
        var chars = new char[span.Length];
        for (int i = 0; i < span.Length; i++)
        {
            chars[i] = span[i] is >= 0x20 and < 0x7F ? (char)span[i] : '?';
        }

        return new string(chars);
    }

    /// <summary>The tags found so far: an array filled in order and grown by doubling when a list is longer than
    /// its first estimate.</summary>
    private sealed class TagRanges(int capacity)
    {
        private TagBounds[] _items = new TagBounds[Math.Max(capacity, 1)];

        public int Count { get; private set; }

        public ReadOnlySpan<TagBounds> Items => _items.AsSpan(0, Count);

        public void Add(TagBounds tag)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = tag;
        }

        /// <summary>The array the tags fill, longer than <see cref="Count"/> when the estimate was.</summary>
        public TagBounds[] Storage => _items;
    }

    /// <summary>Where one tag's name and value stand in the source, as offsets and lengths.</summary>
    private readonly record struct TagBounds(int NameStart, int NameLength, int ValueStart, int ValueLength)
    {
        public ReadOnlySpan<byte> Name(ReadOnlySpan<byte> source) => source.Slice(NameStart, NameLength);

        public ReadOnlySpan<byte> Value(ReadOnlySpan<byte> source) => source.Slice(ValueStart, ValueLength);
    }
}
