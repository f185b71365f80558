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
    public static async Task<MessageInput> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkSize);
        int bodyStart;
        while (true)
        {
            int read = await stream.ReadAsync(buffer.GetMemory(ChunkSize), cancellationToken).ConfigureAwait(false);
            buffer.Advance(read);
            bodyStart = DkimHeaderSection.FindBodyStart(buffer.WrittenSpan);
            if (bodyStart >= 0 || read == 0)
            {
                break;
            }

            if (buffer.WrittenCount > MaximumHeaderBytes)
            {
                throw new CliUsageException($"the header section is larger than {MaximumHeaderBytes / (1024 * 1024)} MB: this is not a mail message Signet will process");
            }
        }

        if (bodyStart < 0)
        {
            bodyStart = buffer.WrittenCount; // a message with no body and no empty line
        }

        if (bodyStart > MaximumHeaderBytes)
        {
            throw new CliUsageException($"the header section is larger than {MaximumHeaderBytes / (1024 * 1024)} MB: this is not a mail message Signet will process");
        }

        var headerBytes = buffer.WrittenSpan[..bodyStart].ToArray();
        CheckLooksLikeMail(headerBytes);
        if (!DkimMessageHeader.TryParse(DkimHeaderSection.WithoutSeparator(headerBytes), out var header, out string error))
        {
            throw new CliUsageException("the input is not a mail message: " + error);
        }

        if (header.Fields.Count == 0)
        {
            throw new CliUsageException("the input is not a mail message: it has no header fields");
        }

        return new MessageInput(stream, headerBytes, header, buffer.WrittenSpan[bodyStart..].ToArray());
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
