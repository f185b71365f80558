using System.Text;

namespace Signet.Testing;

/// <summary>Reads SMTP command lines and DATA sections from a stream, byte-exact.</summary>
internal sealed class SmtpLineReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        byte[]? line = await ReadRawLineAsync(cancellationToken).ConfigureAwait(false);
        return line is null ? null : Encoding.UTF8.GetString(line).TrimEnd('\r', '\n');
    }

    /// <summary>Reads up to the line ".", undoing dot-stuffing (RFC 5321 §4.5.2).</summary>
    public async Task<byte[]> ReadDataAsync(CancellationToken cancellationToken)
    {
        using var data = new MemoryStream();
        while (await ReadRawLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line is [(byte)'.', (byte)'\r', (byte)'\n'] or [(byte)'.', (byte)'\n'])
            {
                return data.ToArray();
            }

            int skip = line.Length > 1 && line[0] == (byte)'.' ? 1 : 0;
            data.Write(line, skip, line.Length - skip);
        }

        throw new IOException("the connection closed in the middle of DATA");
    }

    private async Task<byte[]?> ReadRawLineAsync(CancellationToken cancellationToken)
    {
        using var line = new MemoryStream();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                {
                    return line.Length == 0 ? null : line.ToArray();
                }
            }

            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int stop = newline < 0 ? _end : newline + 1;
            line.Write(_buffer, _start, stop - _start);
            _start = stop;
            if (newline >= 0)
            {
                return line.ToArray();
            }
        }
    }
}
