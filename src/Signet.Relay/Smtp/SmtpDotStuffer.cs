namespace Signet.Relay.Smtp;

/// <summary>Writes message bytes as DATA content: a line that starts with "." gets another (RFC 5321 §4.5.2), and the
/// content ends with CRLF "." CRLF. Output is gathered in one buffer and written when full.</summary>
internal sealed class SmtpDotStuffer(Stream output, Action? written = null, int bufferSize = 64 * 1024)
{
    private static readonly byte[] Dot = [(byte)'.'];
    private static readonly byte[] End = ".\r\n"u8.ToArray();
    private static readonly byte[] LineAndEnd = "\r\n.\r\n"u8.ToArray();

    private readonly byte[] _buffer = new byte[bufferSize];
    private int _count;
    private bool _lineStart = true;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            if (_lineStart && data.Span[0] == (byte)'.')
            {
                await PutAsync(Dot, cancellationToken).ConfigureAwait(false);
            }

            int newline = data.Span.IndexOf((byte)'\n');
            int take = newline < 0 ? data.Length : newline + 1;
            await PutAsync(data[..take], cancellationToken).ConfigureAwait(false);
            _lineStart = newline >= 0;
            data = data[take..];
        }
    }

    /// <summary>Ends the content (a CRLF first only when the message did not end with a line ending) and flushes.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await PutAsync(_lineStart ? End : LineAndEnd, cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask PutAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            if (_count == _buffer.Length)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            int take = Math.Min(data.Length, _buffer.Length - _count);
            data[..take].CopyTo(_buffer.AsMemory(_count));
            _count += take;
            data = data[take..];
        }
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_count > 0)
        {
            await output.WriteAsync(_buffer.AsMemory(0, _count), cancellationToken).ConfigureAwait(false);
            _count = 0;
            written?.Invoke();
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
