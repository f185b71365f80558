using System.Numerics;
using System.Runtime.Intrinsics;

namespace Signet.Dkim.Canonicalization;

/// <summary>Finds the run of whole lines at the start of a chunk that relaxed body canonicalization (RFC 6376
/// §3.4.4) leaves exactly as they are: CRLF line endings, no tab, no two WSP in a row, no WSP before a line ending.
/// Ordinary text is almost all such lines, so the canonicalizer hands them to the hash in one piece and works line
/// by line only where a line needs rewriting. The search compares a vector of bytes at a time.</summary>
internal static class DkimRegularLines
{
    /// <summary>The length of the longest prefix of <paramref name="text"/> (which starts at a line start) made of
    /// complete regular lines, each ending in CRLF; 0 when the first line is not regular or not complete.</summary>
    public static int Length(ReadOnlySpan<byte> text)
    {
        int irregular = FirstIrregular(text);
        // Up to and including the last LF before the first irregular byte: only whole lines count.
        return text[..irregular].LastIndexOf((byte)'\n') + 1;
    }

    /// <summary>The index of the first byte where a line stops being regular (or the chunk ends too soon to tell).</summary>
    private static int FirstIrregular(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || IsIrregular(text, 0))
        {
            return 0;
        }

        int i = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<byte>.Count + 1 <= text.Length; i += Vector256<byte>.Count)
            {
                uint mask = IrregularMask(
                    Vector256.Create(text.Slice(i - 1, Vector256<byte>.Count)),
                    Vector256.Create(text.Slice(i, Vector256<byte>.Count)),
                    Vector256.Create(text.Slice(i + 1, Vector256<byte>.Count))).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            for (; i + Vector128<byte>.Count + 1 <= text.Length; i += Vector128<byte>.Count)
            {
                uint mask = IrregularMask(
                    Vector128.Create(text.Slice(i - 1, Vector128<byte>.Count)),
                    Vector128.Create(text.Slice(i, Vector128<byte>.Count)),
                    Vector128.Create(text.Slice(i + 1, Vector128<byte>.Count))).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (IsIrregular(text, i))
            {
                return i;
            }
        }

        return text.Length;
    }

    // The same tests as IsIrregular, on every byte of a vector at once, given the vectors one byte before and after.
    private static Vector256<byte> IrregularMask(Vector256<byte> previous, Vector256<byte> current, Vector256<byte> next)
    {
        var space = Vector256.Equals(current, Vector256.Create((byte)' '));
        var nextIsSpaceOrCarriageReturn = Vector256.Equals(next, Vector256.Create((byte)' ')) | Vector256.Equals(next, Vector256.Create((byte)'\r'));
        var carriageReturn = Vector256.Equals(current, Vector256.Create((byte)'\r'));
        var nextIsLineFeed = Vector256.Equals(next, Vector256.Create((byte)'\n'));
        var lineFeed = Vector256.Equals(current, Vector256.Create((byte)'\n'));
        var previousIsCarriageReturn = Vector256.Equals(previous, Vector256.Create((byte)'\r'));
        return Vector256.Equals(current, Vector256.Create((byte)'\t'))
            | (space & nextIsSpaceOrCarriageReturn)
            | Vector256.AndNot(carriageReturn, nextIsLineFeed)
            | Vector256.AndNot(lineFeed, previousIsCarriageReturn);
    }

    private static Vector128<byte> IrregularMask(Vector128<byte> previous, Vector128<byte> current, Vector128<byte> next)
    {
        var space = Vector128.Equals(current, Vector128.Create((byte)' '));
        var nextIsSpaceOrCarriageReturn = Vector128.Equals(next, Vector128.Create((byte)' ')) | Vector128.Equals(next, Vector128.Create((byte)'\r'));
        var carriageReturn = Vector128.Equals(current, Vector128.Create((byte)'\r'));
        var nextIsLineFeed = Vector128.Equals(next, Vector128.Create((byte)'\n'));
        var lineFeed = Vector128.Equals(current, Vector128.Create((byte)'\n'));
        var previousIsCarriageReturn = Vector128.Equals(previous, Vector128.Create((byte)'\r'));
        return Vector128.Equals(current, Vector128.Create((byte)'\t'))
            | (space & nextIsSpaceOrCarriageReturn)
            | Vector128.AndNot(carriageReturn, nextIsLineFeed)
            | Vector128.AndNot(lineFeed, previousIsCarriageReturn);
    }

    /// <summary>A tab; a SP before SP or CR (a WSP run or WSP at a line end); a CR not followed by LF; an LF not
    /// preceded by CR (a bare LF). Where the byte after a SP or CR is beyond the chunk, it cannot be decided here.</summary>
    private static bool IsIrregular(ReadOnlySpan<byte> text, int i)
    {
        byte value = text[i];
        return value switch
        {
            (byte)'\t' => true,
            (byte)' ' => i + 1 >= text.Length || text[i + 1] is (byte)' ' or (byte)'\r',
            (byte)'\r' => i + 1 >= text.Length || text[i + 1] != (byte)'\n',
            (byte)'\n' => i == 0 || text[i - 1] != (byte)'\r',
            _ => false,
        };
    }
}
