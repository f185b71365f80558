using System.Buffers;

namespace Signet.Relay.Smtp;

/// <summary>Writes message bytes as DATA content: a line that starts with "." gets another (RFC 5321 §4.5.2), and the
/// content ends with CRLF "." CRLF. Output is gathered in one buffer and written when full. The buffer is rented and
/// given back on disposal: a new 64 KiB array for every message was the relay's largest allocation, zeroed each time,
/// for messages that are mostly a few kilobytes.</summary>
internal sealed class SmtpDotStuffer(Stream output, Action? written = null, int bufferSize = 64 * 1024) : IDisposable
{
    private static readonly byte[] Dot = [(byte)'.'];
    private static readonly byte[] End = ".\r\n"u8.ToArray();
    private static readonly byte[] LineAndEnd = "\r\n.\r\n"u8.ToArray();

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
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

    /// <summary>Gives the buffer back; every write has completed (each was awaited), so nothing still reads it.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
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
