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
                AppendLine([], [], sink);
                chunk = chunk[1..];
            }
            else
            {
                AppendData(CarriageReturn, sink);
            }
        }

        while (!chunk.IsEmpty)
        {
            int lineFeed = chunk.IndexOf((byte)'\n');
            if (lineFeed < 0)
            {
                // The chunk may end between the CR and the LF of a line ending: decide when the next byte comes.
                _heldCarriageReturn = chunk[^1] == (byte)'\r';
                AppendData(_heldCarriageReturn ? chunk[..^1] : chunk, sink);
                return;
            }

            bool crLf = lineFeed > 0 && chunk[lineFeed - 1] == (byte)'\r';
            ReadOnlySpan<byte> content = chunk[..(crLf ? lineFeed - 1 : lineFeed)];
            AppendLine(content, crLf ? chunk[..(lineFeed + 1)] : [], sink);
            chunk = chunk[(lineFeed + 1)..];
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

    /// <summary>One line's content, without its line ending. <paramref name="source"/> is the content with its
    /// CRLF as it stood in the chunk, or empty when the line ended in a bare LF or began in an earlier chunk.</summary>
    private void AppendLine<TSink>(ReadOnlySpan<byte> content, ReadOnlySpan<byte> source, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        if (_relaxed)
        {
            AppendData(content, sink);
            EndRelaxedLine(sink);
            return;
        }

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

    /// <summary>Part of a line, without any line ending.</summary>
    private void AppendData<TSink>(ReadOnlySpan<byte> data, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        if (_relaxed)
        {
            AppendRelaxedData(data, sink);
            return;
        }

        if (!data.IsEmpty)
        {
            ReleaseEmptyLines(sink);
            sink.Write(data);
            _lineHasContent = true;
            _wroteAnything = true;
        }
    }

    private void AppendRelaxedData<TSink>(ReadOnlySpan<byte> data, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        int first = data.IndexOfAnyExcept(Whitespace);
        if (first < 0)
        {
            // Whitespace only: whether it becomes one SP or nothing depends on what follows on this line.
            _heldWhitespace |= !data.IsEmpty;
            return;
        }

        ReleaseEmptyLines(sink);
        if (_heldWhitespace || first > 0)
        {
            // RFC 6376 §3.4.4: a run of WSP inside a line becomes a single SP.
            sink.Write(Space);
        }

        data = data[first..];
        int last = data.LastIndexOfAnyExcept(Whitespace);
        WriteCollapsed(data[..(last + 1)], sink);
        _heldWhitespace = last < data.Length - 1;
        _lineHasContent = true;
        _wroteAnything = true;
    }

    /// <summary>Writes <paramref name="content"/>, which starts and ends with non-WSP, with every WSP run reduced
    /// to one SP (RFC 6376 §3.4.4). Only runs that are not already a single SP need rewriting, so it searches for
    /// tabs and double spaces and copies everything between them as it stands.</summary>
    private static void WriteCollapsed<TSink>(ReadOnlySpan<byte> content, TSink sink)
        where TSink : struct, IDkimBodySink
    {
        int written = 0;
        int nextTab = content.IndexOf((byte)'\t');
        int nextDoubleSpace = content.IndexOf("  "u8);
        while (nextTab >= 0 || nextDoubleSpace >= 0)
        {
            int found = nextTab < 0 ? nextDoubleSpace : nextDoubleSpace < 0 ? nextTab : Math.Min(nextTab, nextDoubleSpace);

            // found > written, because content[written] is never WSP; a SP just before the first tab starts its run.
            int runStart = content[found - 1] == (byte)' ' ? found - 1 : found;
            int runEnd = found + content[found..].IndexOfAnyExcept(Whitespace);
            if (content[runStart] == (byte)' ')
            {
                sink.Write(content[written..(runStart + 1)]);
            }
            else
            {
                sink.Write(content[written..runStart]);
                sink.Write(Space);
            }

            written = runEnd;
            nextTab = nextTab >= 0 && nextTab < runEnd ? IndexOf(content, runEnd, "\t"u8) : nextTab;
            nextDoubleSpace = nextDoubleSpace >= 0 && nextDoubleSpace < runEnd ? IndexOf(content, runEnd, "  "u8) : nextDoubleSpace;
        }

        sink.Write(content[written..]);
    }

    private static int IndexOf(ReadOnlySpan<byte> content, int from, ReadOnlySpan<byte> value)
    {
        int index = content[from..].IndexOf(value);
        return index < 0 ? -1 : from + index;
    }

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
