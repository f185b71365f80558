using System.Buffers;

namespace Signet.Dkim.Canonicalization;

/// <summary>Canonicalizes a message body as it arrives, RFC 6376 §3.4.3 (simple) and §3.4.4 (relaxed).</summary>
/// <remarks>
/// Chunks may split anywhere, even between the CR and the LF of one line ending. A line ends at LF; one CR right
/// before it belongs to the line ending, and every line ending is written as CRLF. A CR not followed by LF is
/// ordinary data. Empty lines are held back until later content shows they are not at the end of the body.
/// </remarks>
public sealed class DkimBodyCanonicalizer
{
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t"u8);

    private readonly bool _relaxed;
    private long _heldEmptyLines;
    private bool _heldCarriageReturn;
    private bool _heldWhitespace;
    private bool _lineHasContent;
    private bool _wroteAnything;
    private bool _completed;

    public DkimBodyCanonicalizer(DkimCanonicalization canonicalization)
    {
        if (canonicalization is not (DkimCanonicalization.Simple or DkimCanonicalization.Relaxed))
        {
            throw new ArgumentOutOfRangeException(nameof(canonicalization), canonicalization, "Unknown canonicalization.");
        }

        _relaxed = canonicalization == DkimCanonicalization.Relaxed;
    }

    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    private static ReadOnlySpan<byte> CarriageReturn => "\r"u8;

    private static ReadOnlySpan<byte> Space => " "u8;

    private static ReadOnlySpan<byte> EmptyLines => "\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n"u8;

    /// <summary>Canonicalizes the next raw body bytes, split anywhere.</summary>
    public void Append(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Append(chunk, new DkimBodyBufferWriterSink(output));
    }

    /// <summary>Ends the body: writes what was held back for a final line without its line ending.</summary>
    public void Complete(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Complete(new DkimBodyBufferWriterSink(output));
    }

    internal void Append<TSink>(ReadOnlySpan<byte> chunk, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        ThrowIfCompleted();
        if (chunk.IsEmpty)
        {
            return;
        }

        if (_heldCarriageReturn)
        {
            _heldCarriageReturn = false;
            if (chunk[0] == (byte)'\n')
            {
                EndLine(sink);
                chunk = chunk[1..];
            }
            else
            {
                AppendData(CarriageReturn, sink);
            }
        }

        if (_relaxed)
        {
            AppendRelaxedLines(chunk, sink);
        }
        else
        {
            AppendSimpleLines(chunk, sink);
        }
    }

    internal void Complete<TSink>(TSink sink)
        where TSink : struct, IDkimBodySink
    {
        ThrowIfCompleted();
        if (_heldCarriageReturn)
        {
            // A CR at the very end of the body is not part of a line ending, so it is data.
            _heldCarriageReturn = false;
            AppendData(CarriageReturn, sink);
        }

        _completed = true;
        if (_lineHasContent)
        {
            // RFC 6376 §3.4.3 and §3.4.4: a body that does not end in CRLF gets one.
            sink.Write(CrLf);
        }
        else if (!_relaxed && !_wroteAnything)
        {
            // RFC 6376 §3.4.3: an empty body (or one of only empty lines) is a single CRLF under simple.
            sink.Write(CrLf);
        }
    }

    private void EndLine<TSink>(TSink sink)
        where TSink : struct, IDkimBodySink
    {
        if (_relaxed)
        {
            EndRelaxedLine(sink);
        }
        else
        {
            AppendSimpleLine([], [], sink);
        }
    }

    /// <summary>Part of a line, without any line ending.</summary>
    private void AppendData<TSink>(ReadOnlySpan<byte> data, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        if (_relaxed)
        {
            var scan = new DkimIrregularWhitespaceScan(data);
            AppendRelaxedData(ref scan, 0, data.Length, sink, crLfFollows: false);
        }
        else
        {
            AppendSimpleData(data, sink);
        }
    }

    private void AppendSimpleLines<TSink>(ReadOnlySpan<byte> chunk, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        while (!chunk.IsEmpty)
        {
            int lineFeed = chunk.IndexOf((byte)'\n');
            if (lineFeed < 0)
            {
                // The chunk may end between the CR and the LF of a line ending: decide when the next byte comes.
                _heldCarriageReturn = chunk[^1] == (byte)'\r';
                AppendSimpleData(_heldCarriageReturn ? chunk[..^1] : chunk, sink);
                return;
            }

            bool crLf = lineFeed > 0 && chunk[lineFeed - 1] == (byte)'\r';
            AppendSimpleLine(chunk[..(crLf ? lineFeed - 1 : lineFeed)], crLf ? chunk[..(lineFeed + 1)] : [], sink);
            chunk = chunk[(lineFeed + 1)..];
        }
    }

    /// <summary>One line's content, without its line ending. <paramref name="source"/> is the content with its
    /// CRLF as it stood in the chunk, or empty when the line ended in a bare LF or began in an earlier chunk.</summary>
    private void AppendSimpleLine<TSink>(ReadOnlySpan<byte> content, ReadOnlySpan<byte> source, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        if (content.IsEmpty && !_lineHasContent)
        {
            // RFC 6376 §3.4.3: empty lines at the end of the body are ignored; hold them until content follows.
            _heldEmptyLines++;
            return;
        }

        ReleaseEmptyLines(sink);
        if (source.Length == content.Length + 2)
        {
            sink.Write(source);
        }
        else
        {
            sink.Write(content);
            sink.Write(CrLf);
        }

        _lineHasContent = false;
        _wroteAnything = true;
    }

    private void AppendSimpleData<TSink>(ReadOnlySpan<byte> data, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        if (!data.IsEmpty)
        {
            ReleaseEmptyLines(sink);
            sink.Write(data);
            _lineHasContent = true;
            _wroteAnything = true;
        }
    }

    private void AppendRelaxedLines<TSink>(ReadOnlySpan<byte> chunk, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        var scan = new DkimIrregularWhitespaceScan(chunk);
        int start = 0;
        while (start < chunk.Length)
        {
            if (!_lineHasContent && !_heldWhitespace)
            {
                // At a line start with nothing pending: the lines that are canonical already go out in one piece.
                start += AppendRegularLines(chunk[start..], sink);
                if (start == chunk.Length)
                {
                    return;
                }
            }

            int lineFeed = chunk[start..].IndexOf((byte)'\n');
            if (lineFeed < 0)
            {
                // The chunk may end between the CR and the LF of a line ending: decide when the next byte comes.
                _heldCarriageReturn = chunk[^1] == (byte)'\r';
                AppendRelaxedData(ref scan, start, _heldCarriageReturn ? chunk.Length - 1 : chunk.Length, sink, crLfFollows: false);
                return;
            }

            lineFeed += start;
            bool crLf = lineFeed > start && chunk[lineFeed - 1] == (byte)'\r';
            if (!AppendRelaxedData(ref scan, start, crLf ? lineFeed - 1 : lineFeed, sink, crLf))
            {
                EndRelaxedLine(sink);
            }

            start = lineFeed + 1;
        }
    }

    /// <summary>Writes the whole lines at the start of <paramref name="text"/> that relaxed canonicalization leaves
    /// unchanged, holding back the empty lines at their end; returns how many bytes they take.</summary>
    private int AppendRegularLines<TSink>(ReadOnlySpan<byte> text, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        int length = DkimRegularLines.Length(text);
        int contentEnd = length;
        long emptyLines = 0;
        // RFC 6376 §3.4.4: empty lines at the end of the body are ignored, so those ending the run are held until
        // content follows them.
        while (contentEnd >= 2 && (contentEnd == 2 || text[contentEnd - 3] == (byte)'\n'))
        {
            contentEnd -= 2;
            emptyLines++;
        }

        if (contentEnd > 0)
        {
            ReleaseEmptyLines(sink);
            sink.Write(text[..contentEnd]);
            _wroteAnything = true;
        }

        _heldEmptyLines += emptyLines;
        return length;
    }

    private void EndRelaxedLine<TSink>(TSink sink)
        where TSink : struct, IDkimBodySink
    {
        // RFC 6376 §3.4.4: whitespace at the end of a line is ignored.
        _heldWhitespace = false;
        if (_lineHasContent)
        {
            sink.Write(CrLf);
            _lineHasContent = false;
        }
        else
        {
            // RFC 6376 §3.4.4 (errata 1384): a line empty after whitespace removal counts as an empty line.
            _heldEmptyLines++;
        }
    }

    /// <summary>Bytes <paramref name="start"/> to <paramref name="end"/> of the scanned source: part of one line.
    /// When the source's CRLF follows and the line ends in content, it is written with the content in one piece
    /// and the line is ended here; returns whether it was.</summary>
    private bool AppendRelaxedData<TSink>(ref DkimIrregularWhitespaceScan scan, int start, int end, TSink sink, bool crLfFollows)
        where TSink : struct, IDkimBodySink
    {
        ReadOnlySpan<byte> data = scan.Source[start..end];
        int first = data.IsEmpty || !IsWhitespace(data[0]) ? 0 : data.IndexOfAnyExcept(Whitespace);
        if (data.IsEmpty || first < 0)
        {
            // Whitespace only: whether it becomes one SP or nothing depends on what follows on this line.
            _heldWhitespace |= !data.IsEmpty;
            return false;
        }

        ReleaseEmptyLines(sink);
        if (_heldWhitespace || first > 0)
        {
            // RFC 6376 §3.4.4: a run of WSP inside a line becomes a single SP.
            sink.Write(Space);
        }

        _wroteAnything = true;
        if (!IsWhitespace(data[^1]) && crLfFollows)
        {
            WriteCollapsed(ref scan, start + first, end, end + CrLf.Length, sink);
            _heldWhitespace = false;
            _lineHasContent = false;
            return true;
        }

        int last = IsWhitespace(data[^1]) ? data.LastIndexOfAnyExcept(Whitespace) : data.Length - 1;
        WriteCollapsed(ref scan, start + first, start + last + 1, start + last + 1, sink);
        _heldWhitespace = last < data.Length - 1;
        _lineHasContent = true;
        return false;
    }

    /// <summary>Writes bytes <paramref name="start"/> to <paramref name="end"/> of the scanned source, which start
    /// and end with non-WSP, with every WSP run reduced to one SP (RFC 6376 §3.4.4); then, unchanged, the bytes up
    /// to <paramref name="through"/> (the line's CRLF, or nothing).</summary>
    private static void WriteCollapsed<TSink>(ref DkimIrregularWhitespaceScan scan, int start, int end, int through, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        ReadOnlySpan<byte> source = scan.Source;
        int written = start;
        int found;
        while ((found = scan.NextFrom(written)) >= 0 && found < end)
        {
            // found > written, because source[written] is never WSP; a SP just before the first tab starts its run.
            int runStart = source[found - 1] == (byte)' ' ? found - 1 : found;
            int runEnd = found + source[found..end].IndexOfAnyExcept(Whitespace);
            if (source[runStart] == (byte)' ')
            {
                sink.Write(source[written..(runStart + 1)]);
            }
            else
            {
                sink.Write(source[written..runStart]);
                sink.Write(Space);
            }

            written = runEnd;
        }

        sink.Write(source[written..through]);
    }

    private static bool IsWhitespace(byte value) => value is (byte)' ' or (byte)'\t';

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The body is already complete.");
        }
    }

    private void ReleaseEmptyLines<TSink>(TSink sink)
        where TSink : struct, IDkimBodySink
    {
        // The held empty lines were not at the end of the body after all.
        while (_heldEmptyLines > 0)
        {
            int lines = (int)Math.Min(_heldEmptyLines, EmptyLines.Length / 2);
            sink.Write(EmptyLines[..(lines * 2)]);
            _heldEmptyLines -= lines;
        }
    }
}
