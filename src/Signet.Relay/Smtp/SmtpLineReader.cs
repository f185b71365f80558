using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Signet.Relay.Smtp;

/// <summary>Reads one CRLF-terminated line from a pipe (commands from the client, replies from the next hop). A line
/// longer than the limit is a protocol failure, not a buffer that grows without end.</summary>
internal static class SmtpLineReader
{
    /// <summary>RFC 5321 §4.5.3.1.4 gives 512 octets for a command line; AUTH responses and long parameters need more.</summary>
    public const int MaximumLineLength = 4096;

    /// <summary>The line without its line ending; null when the peer closed the connection; an exception-free
    /// "too long" is reported through <paramref name="tooLong"/>.</summary>
    public static async ValueTask<(string? Line, bool TooLong)> ReadLineAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is { } position)
            {
                var line = buffer.Slice(0, position);
                string text = Encoding.UTF8.GetString(line.IsSingleSegment ? line.FirstSpan : line.ToArray()).TrimEnd('\r');
                reader.AdvanceTo(buffer.GetPosition(1, position));
                return line.Length > MaximumLineLength ? (null, true) : (text, false);
            }

            if (buffer.Length > MaximumLineLength)
            {
                reader.AdvanceTo(buffer.End);
                return (null, true);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return (null, false);
            }
        }
    }

    /// <summary>A complete reply, its continuation lines joined; null when the connection closed or the reply is malformed.</summary>
    public static async ValueTask<SmtpReply?> ReadReplyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        int code = 0;
        while (true)
        {
            var (line, tooLong) = await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false);
            if (line is null || tooLong || line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out int lineCode) || lineCode is < 200 or > 599)
            {
                return null;
            }

            code = lineCode;
            lines.Add(line.Length > 4 ? line[4..] : string.Empty);
            if (line.Length < 4 || line[3] != '-')
            {
                return new SmtpReply(code, lines);
            }
        }
    }
}
