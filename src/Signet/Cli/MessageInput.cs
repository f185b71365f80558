using System.Buffers;
using Signet.Dkim.Messages;

namespace Signet.Cli;

/// <summary>A message read from a stream: the header section is read whole (up to a limit), the body is handed
/// on in chunks so memory does not grow with the message.</summary>
public sealed class MessageInput
{
    /// <summary>Header sections larger than this are refused. Four times the cap of the mail path
    /// (<see cref="DkimHeaderSectionBuffer.DefaultMaximumBytes"/>): the command line also reads archived mail, whose
    /// header sections grow with every hop and every filter that stamped them.</summary>
    public const int MaximumHeaderBytes = 4 * DkimHeaderSectionBuffer.DefaultMaximumBytes;

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
        // The first line is read whole first when it may be an mbox separator, to know where the message starts.
        var lead = new ArrayBufferWriter<byte>(ChunkSize);
        int start = 0;
        bool atEnd = false;
        while (skipMboxSeparator)
        {
            int read = await stream.ReadAsync(lead.GetMemory(ChunkSize), cancellationToken).ConfigureAwait(false);
            lead.Advance(read);
            atEnd = read == 0;
            if (TryFindSeparatorEnd(lead.WrittenSpan, atEnd, out start) || lead.WrittenCount > MaximumHeaderBytes)
            {
                break;
            }
        }

        var section = new DkimHeaderSectionBuffer(MaximumHeaderBytes);
        var data = lead.WrittenMemory[start..];
        byte[] chunk = new byte[ChunkSize];
        int taken;
        while (true)
        {
            taken = section.Append(data.Span);
            if (section.IsComplete || section.IsTooLarge || atEnd)
            {
                break;
            }

            int read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            atEnd = read == 0;
            data = chunk.AsMemory(0, read);
        }

        if (section.IsTooLarge)
        {
            throw new CliUsageException($"{section.TooLargeReason}: this is not a mail message Signet will process");
        }

        section.End(); // a message with no body and no empty line
        var headerBytes = section.Section.ToArray();
        CheckLooksLikeMail(headerBytes);
        if (!DkimMessageHeader.TryParse(DkimHeaderSection.WithoutSeparator(headerBytes), out var header, out string error))
        {
            throw new CliUsageException("the input is not a mail message: " + error);
        }

        if (header.Fields.Count == 0)
        {
            throw new CliUsageException("the input is not a mail message: it has no header fields");
        }

        return new MessageInput(stream, headerBytes, header, data[taken..].ToArray());
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
