using System.Buffers;

namespace Signet.Relay.Smtp;

/// <summary>Where decoded message bytes go.</summary>
internal interface ISmtpDataSink
{
    void Write(ReadOnlySpan<byte> data);
}

/// <summary>Turns the DATA stream into message bytes as they arrive: a leading dot on a line is removed (RFC 5321
/// §4.5.2) and the line "." ends the message. The CRLF before the final dot belongs to the message (§4.1.1.4).
/// Nothing is buffered here; a possible "." at a line start waits for the next bytes only until it can be told apart.</summary>
internal sealed class SmtpDataDecoder
{
    private bool _lineStart = true;

    /// <summary>Decodes what <paramref name="buffer"/> holds and returns how far it consumed; <paramref name="completed"/>
    /// is set when the final "." line was read (bytes after it belong to the next command).</summary>
    public SequencePosition Decode(ReadOnlySequence<byte> buffer, ISmtpDataSink sink, out bool completed)
    {
        var reader = new SequenceReader<byte>(buffer);
        completed = false;
        while (!reader.End)
        {
            if (_lineStart && reader.IsNext((byte)'.'))
            {
                if (reader.IsNext(".\r\n"u8) || reader.IsNext(".\n"u8))
                {
                    reader.Advance(reader.IsNext(".\n"u8) ? 2 : 3);
                    completed = true;
                    _lineStart = true;
                    return reader.Position;
                }

                if (reader.Remaining < 3)
                {
                    break;
                }

                reader.Advance(1);
            }

            _lineStart = false;
            var start = reader.Position;
            if (reader.TryAdvanceTo((byte)'\n', advancePastDelimiter: true))
            {
                WriteAll(buffer.Slice(start, reader.Position), sink);
                _lineStart = true;
            }
            else
            {
                WriteAll(buffer.Slice(start), sink);
                reader.AdvanceToEnd();
            }
        }

        return reader.Position;
    }

    private static void WriteAll(ReadOnlySequence<byte> bytes, ISmtpDataSink sink)
    {
        foreach (var segment in bytes)
        {
            sink.Write(segment.Span);
        }
    }
}
