namespace Signet.Dkim.Canonicalization;

/// <summary>Finds, across a whole chunk, the places where relaxed body canonicalization (RFC 6376 §3.4.4) has to
/// rewrite whitespace inside a line: a tab or two spaces in a row. A single SP between words needs nothing, so the
/// bytes between these places are copied as they stand. Each search runs once over the chunk and its result is
/// kept until the canonicalizer has passed it, so lines without such places cost no search of their own.</summary>
internal ref struct DkimIrregularWhitespaceScan(ReadOnlySpan<byte> source)
{
    private const int NotSearched = int.MinValue;

    private int _nextTab = NotSearched;
    private int _nextDoubleSpace = NotSearched;

    public readonly ReadOnlySpan<byte> Source { get; } = source;

    /// <summary>The first tab or double space at or after <paramref name="from"/>, or -1.</summary>
    public int NextFrom(int from)
    {
        if (_nextTab != -1 && _nextTab < from)
        {
            _nextTab = IndexOf(Source, from, "\t"u8);
        }

        if (_nextDoubleSpace != -1 && _nextDoubleSpace < from)
        {
            _nextDoubleSpace = IndexOf(Source, from, "  "u8);
        }

        return _nextTab < 0 ? _nextDoubleSpace : _nextDoubleSpace < 0 ? _nextTab : Math.Min(_nextTab, _nextDoubleSpace);
    }

    private static int IndexOf(ReadOnlySpan<byte> source, int from, ReadOnlySpan<byte> value)
    {
        int index = source[from..].IndexOf(value);
        return index < 0 ? -1 : from + index;
    }
}
