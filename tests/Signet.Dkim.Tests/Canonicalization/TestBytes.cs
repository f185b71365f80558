using System.Buffers;
using System.Text;

namespace Signet.Dkim.Tests.Canonicalization;

internal static class TestBytes
{
    /// <summary>Whole input (0) and the small chunk sizes a milter may deliver.</summary>
    public static readonly int[] ChunkSizes = [0, 1, 2, 7];

    public static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>Shows CR, LF and HTAB so a failing comparison of line endings is readable.</summary>
    public static string Show(ReadOnlySpan<byte> bytes) =>
        Encoding.Latin1.GetString(bytes).Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");

    /// <summary>Splits <paramref name="data"/> into chunks of <paramref name="size"/> bytes; 0 means one chunk.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Split(byte[] data, int size)
    {
        if (size == 0)
        {
            yield return data;
            yield break;
        }

        for (int offset = 0; offset < data.Length; offset += size)
        {
            yield return data.AsMemory(offset, Math.Min(size, data.Length - offset));
        }
    }

    /// <summary>A sequence of several segments, as a pipe reader hands them out.</summary>
    public static ReadOnlySequence<byte> ToSequence(IEnumerable<ReadOnlyMemory<byte>> chunks)
    {
        Segment? first = null;
        Segment? last = null;
        foreach (var chunk in chunks)
        {
            var segment = new Segment(chunk, last is null ? 0 : last.RunningIndex + last.Memory.Length);
            last?.Link(segment);
            first ??= segment;
            last = segment;
        }

        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void Link(Segment next) => Next = next;
    }
}
