using System.Buffers;
using Signet.Dkim.Messages;

namespace Signet.Cli;

/// <summary>A message read from a stream: the header section is read whole (up to a limit), the body is handed
/// on in chunks so memory does not grow with the message.</summary>
public sealed class MessageInput
{
    /// <summary>Header sections larger than this are refused: real ones are a few KB, and a huge one is an attack or not mail.</summary>
    public const int MaximumHeaderBytes = 4 * 1024 * 1024;

    private const int ChunkSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _bodyStart;

    private MessageInput(Stream stream, byte[] headerBytes, DkimMessageHeader header, byte[] bodyStart)
    {
        _stream = stream;
        HeaderBytes = headerBytes;
        Header = header;
        _bodyStart = bodyStart;
    }

    /// <summary>The header section exactly as read, including the empty line that ends it (when there was one).</summary>
    public byte[] HeaderBytes { get; }

    public DkimMessageHeader Header { get; }

    /// <summary>Reads the header section; throws <see cref="CliUsageException"/> with the reason when the input is not a message.</summary>
    public static Task<MessageInput> ReadAsync(Stream stream, CancellationToken cancellationToken) =>
        ReadAsync(stream, skipMboxSeparator: false, cancellationToken);

    /// <summary>Reads the header section as <see cref="ReadAsync(Stream, CancellationToken)"/> does; with
    /// <paramref name="skipMboxSeparator"/>, a first line that starts exactly with "From " is dropped first: it is
    /// the mbox separator (RFC 4155 §2) a message saved from a mailbox carries, not a header field, and readers
    /// that judge a message (dkimpy among them) skip it. Only for reading: a signer's output must be its input.</summary>
    public static async Task<MessageInput> ReadAsync(Stream stream, bool skipMboxSeparator, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkSize);
        int start = 0;
        bool separatorDecided = !skipMboxSeparator;
        int bodyStart;
        while (true)
        {
            int read = await stream.ReadAsync(buffer.GetMemory(ChunkSize), cancellationToken).ConfigureAwait(false);
            buffer.Advance(read);
            if (!separatorDecided)
            {
                separatorDecided = TryFindSeparatorEnd(buffer.WrittenSpan, atEnd: read == 0, out start);
                if (!separatorDecided && buffer.WrittenCount <= MaximumHeaderBytes)
                {
                    continue;
                }
            }

            bodyStart = DkimHeaderSection.FindBodyStart(buffer.WrittenSpan[start..]);
            if (bodyStart >= 0 || read == 0)
            {
                break;
            }

            if (buffer.WrittenCount > MaximumHeaderBytes)
            {
                throw new CliUsageException($"the header section is larger than {MaximumHeaderBytes / (1024 * 1024)} MB: this is not a mail message Signet will process");
            }
        }

        var written = buffer.WrittenSpan[start..];
        if (bodyStart < 0)
        {
            bodyStart = written.Length; // a message with no body and no empty line
        }

        if (bodyStart > MaximumHeaderBytes)
        {
            throw new CliUsageException($"the header section is larger than {MaximumHeaderBytes / (1024 * 1024)} MB: this is not a mail message Signet will process");
        }

        var headerBytes = written[..bodyStart].ToArray();
        CheckLooksLikeMail(headerBytes);
        if (!DkimMessageHeader.TryParse(DkimHeaderSection.WithoutSeparator(headerBytes), out var header, out string error))
        {
            throw new CliUsageException("the input is not a mail message: " + error);
        }

        if (header.Fields.Count == 0)
        {
            throw new CliUsageException("the input is not a mail message: it has no header fields");
        }

        return new MessageInput(stream, headerBytes, header, written[bodyStart..].ToArray());
    }

    // True once it is known where the message starts: after the first line when that line starts with
    // "From " (RFC 4155 §2), else at 0. Undecided while fewer than five bytes, or no whole first line, are in.
    private static bool TryFindSeparatorEnd(ReadOnlySpan<byte> data, bool atEnd, out int start)
    {
        start = 0;
        ReadOnlySpan<byte> separator = "From "u8;
        if (data.Length < separator.Length)
        {
            return atEnd;
        }

        if (!data.StartsWith(separator))
        {
            return true;
        }

        int lineFeed = data.IndexOf((byte)'\n');
        if (lineFeed < 0)
        {
            return atEnd; // a lone separator line with nothing after it: left for the header check to refuse
        }

        start = lineFeed + 1;
        return true;
    }

    /// <summary>Hands every body chunk, in order, to <paramref name="consume"/>.</summary>
    public async Task ReadBodyAsync(Action<ReadOnlyMemory<byte>> consume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consume);
        if (_bodyStart.Length > 0)
        {
            consume(_bodyStart);
        }

        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                consume(chunk.AsMemory(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static void CheckLooksLikeMail(ReadOnlySpan<byte> header)
    {
        if (header.IsEmpty)
        {
            throw new CliUsageException("the input is empty: expected a mail message (header fields, an empty line, the body)");
        }

        if (header.Contains((byte)0))
        {
            throw new CliUsageException("the input is not a mail message: it holds binary data (NUL bytes in the header)");
        }
    }
}
