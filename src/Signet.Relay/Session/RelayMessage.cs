using System.Buffers;
using Signet.Dkim.Messages;
using Signet.Mail.Processing;
using Signet.Relay.Smtp;
using Signet.Store.Security;

namespace Signet.Relay.Session;

/// <summary>One message as it arrives in DATA: the bytes go to the spool (to be forwarded once the DKIM step is done)
/// and through the DKIM step at once: the header field by field, then the body chunk by chunk straight into the engine.
/// The decoder writes into a small per-read buffer; <see cref="FlushAsync"/> moves it on, so nothing waits on I/O
/// inside the decoder and memory stays at one read.</summary>
internal sealed class RelayMessage : ISmtpDataSink, IAsyncDisposable
{
    private readonly DkimMessageProcessing _processing;
    private readonly MessageSpool _spool;
    private readonly long _maximumSize;
    private readonly DkimMessageOrigin _origin;
    // One read's worth (a pipe segment is 4 KiB); it grows when a read brings more.
    private readonly ArrayBufferWriter<byte> _incoming = new(4 * 1024);
    private readonly DkimHeaderSectionBuffer _header;
    private DkimMessageHeader? _parsedHeader;
    private int _headerLength = -1;
    private bool _endOfHeaders;

    public RelayMessage(DkimMessageProcessing processing, MessageSpool spool, DkimMessageOrigin origin, long maximumSize, int maximumHeaderSize)
    {
        _processing = processing;
        _spool = spool;
        _origin = origin;
        _maximumSize = maximumSize;
        _header = new DkimHeaderSectionBuffer(maximumHeaderSize);
    }

    public long Size { get; private set; }

    public bool IsTooLarge => Size > _maximumSize;

    public void Write(ReadOnlySpan<byte> data) => _incoming.Write(data);

    /// <summary>Moves what the decoder wrote into the spool and the DKIM step.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var data = _incoming.WrittenMemory;
        Size += data.Length;
        if (data.IsEmpty || IsTooLarge)
        {
            // Past the limit the rest is read and dropped: the client gets 552 at the end, and nothing is kept.
            _incoming.ResetWrittenCount();
            return;
        }

        await _spool.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        if (!_endOfHeaders)
        {
            data = await ReadHeaderAsync(data, cancellationToken).ConfigureAwait(false);
        }

        if (_endOfHeaders && !data.IsEmpty)
        {
            _processing.AppendBody(data.Span);
        }

        _incoming.ResetWrittenCount();
    }

    /// <summary>The DATA stream ended: the DKIM outcome. A message without an empty line is all header.</summary>
    public async ValueTask<DkimMessageOutcome> CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        if (!_endOfHeaders)
        {
            _header.End();
            ParseHeader();
            await EndOfHeadersAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _processing.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the message to the next hop: the inserted fields on top, the header without the removed fields,
    /// then every other byte exactly as received.</summary>
    public async ValueTask WriteEditedAsync(SmtpDotStuffer output, DkimMessageOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var field in outcome.InsertedFields)
        {
            await output.WriteAsync(field.Raw, cancellationToken).ConfigureAwait(false);
        }

        long rest = 0;
        if (outcome.RemovedFields.Count > 0 && _parsedHeader is { } header)
        {
            var removed = outcome.RemovedFields.Select(f => f.Position).ToHashSet();
            for (int i = 0; i < header.Fields.Count; i++)
            {
                if (!removed.Contains(i))
                {
                    await output.WriteAsync(header.Fields[i].Raw, cancellationToken).ConfigureAwait(false);
                }
            }

            rest = _headerLength;
        }

        await _spool.CopyToAsync(rest, output.WriteAsync, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _processing.Dispose();
        await _spool.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Collects the header until the empty line; returns the body bytes that came in the same read.</summary>
    private async ValueTask<ReadOnlyMemory<byte>> ReadHeaderAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        int taken = _header.Append(data.Span);
        if (_header.IsTooLarge)
        {
            // Too large to sign or verify: the DKIM step is told so, and the rest passes through untouched.
            _processing.MarkHeaderUnusable(_header.TooLargeReason);
            await EndOfHeadersAsync(cancellationToken).ConfigureAwait(false);
            return ReadOnlyMemory<byte>.Empty;
        }

        if (_header.IsComplete)
        {
            ParseHeader();
            await EndOfHeadersAsync(cancellationToken).ConfigureAwait(false);
            return data[taken..];
        }

        return ReadOnlyMemory<byte>.Empty;
    }

    private void ParseHeader()
    {
        var section = DkimHeaderSection.WithoutSeparator(_header.Section);
        if (DkimMessageHeader.TryParse(section, out var header, out string error))
        {
            _parsedHeader = header;
            _headerLength = section.Length;
            foreach (var field in header.Fields)
            {
                _processing.AddHeaderField(field);
            }
        }
        else
        {
            _processing.MarkHeaderUnusable(error);
        }
    }

    private async ValueTask EndOfHeadersAsync(CancellationToken cancellationToken)
    {
        _endOfHeaders = true;
        await _processing.EndOfHeadersAsync(_origin, cancellationToken).ConfigureAwait(false);
    }
}
