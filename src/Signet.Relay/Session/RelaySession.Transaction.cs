using System.Globalization;
using System.IO.Pipelines;
using Signet.Mail.Processing;
using Signet.Relay.NextHop;
using Signet.Relay.Smtp;
using Signet.Store.Security;

namespace Signet.Relay.Session;

/// <summary>The mail transaction, mirrored on the next hop so that nothing is lost: MAIL and each RCPT are answered
/// with the next hop's own answer, and the end of DATA is answered only after the next hop took (or refused) the
/// signed or verified message. A next hop that is down, slow or broken gives a 4xx, so the client keeps the message.</summary>
internal sealed partial class RelaySession
{
    private string _sender = string.Empty;
    private int _recipients;
    private int _messageNumber;

    private string QueueId => string.Create(CultureInfo.InvariantCulture, $"R{_sessionId}.{_messageNumber}");

    private async ValueTask<SmtpReply> MailAsync(string argument, CancellationToken cancellationToken)
    {
        if (!SmtpEnvelopeArgument.TryParse(argument, "FROM", out var mail, out string error))
        {
            return SmtpReply.Of(501, "5.5.4", "syntax: " + error);
        }

        if (mail.Parameters.FirstOrDefault(p => p.Key is not ("SIZE" or "BODY" or "SMTPUTF8" or "AUTH")) is { Key: { } unknown })
        {
            return SmtpReply.Of(555, "5.5.4", $"MAIL parameter {unknown} not recognized");
        }

        long? size = mail["SIZE"] is { } sizeText ? long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out long s) ? s : -1 : null;
        if (size < 0)
        {
            return SmtpReply.Of(501, "5.5.4", "SIZE must be a number");
        }

        if (size > Options.MaximumMessageSize)
        {
            return SmtpReply.Of(552, "5.3.4", $"message size exceeds the limit of {Options.MaximumMessageSize} bytes");
        }

        if (await EnsureNextHopAsync(cancellationToken).ConfigureAwait(false) is { } failure)
        {
            return failure;
        }

        var (forwarded, refusal) = ForwardedMailLine(mail, _nextHop!.Capabilities);
        if (refusal is not null)
        {
            return refusal;
        }

        var reply = await _nextHop.CommandAsync(forwarded, cancellationToken).ConfigureAwait(false);
        if (!reply.IsPositive)
        {
            return await NextHopRefusedAsync(reply, cancellationToken).ConfigureAwait(false);
        }

        _messageNumber++;
        _sender = mail.Address;
        _recipients = 0;
        _state = SmtpSessionState.Sender;
        return SmtpReply.Of(250, "2.1.0", "sender ok");
    }

    /// <summary>The envelope as the client gave it, with the extensions the next hop offers. 8-bit or UTF-8 mail for a
    /// next hop that cannot take it is refused here rather than converted (RFC 6152 §3, RFC 6531 §3.7.5).</summary>
    private static (string Line, SmtpReply? Refusal) ForwardedMailLine(SmtpEnvelopeArgument mail, NextHopCapabilities next)
    {
        var line = new System.Text.StringBuilder("MAIL FROM:<").Append(mail.Address).Append('>');
        if (mail["SIZE"] is { } size && next.Size)
        {
            line.Append(" SIZE=").Append(size);
        }

        if (mail["BODY"] is { } body)
        {
            if (!next.EightBitMime && body.Equals("8BITMIME", StringComparison.OrdinalIgnoreCase))
            {
                return (string.Empty, SmtpReply.Of(554, "5.6.3", "the next hop does not accept 8-bit mail"));
            }

            if (next.EightBitMime)
            {
                line.Append(" BODY=").Append(body.ToUpperInvariant());
            }
        }

        if (mail.Has("SMTPUTF8"))
        {
            if (!next.SmtpUtf8)
            {
                return (string.Empty, SmtpReply.Of(553, "5.6.7", "the next hop does not accept internationalized addresses"));
            }

            line.Append(" SMTPUTF8");
        }

        return (line.ToString(), null);
    }

    private async ValueTask<SmtpReply> RecipientAsync(string argument, CancellationToken cancellationToken)
    {
        if (!SmtpEnvelopeArgument.TryParse(argument, "TO", out var recipient, out string error))
        {
            return SmtpReply.Of(501, "5.5.4", "syntax: " + error);
        }

        if (recipient.Parameters.Count > 0)
        {
            return SmtpReply.Of(555, "5.5.4", $"RCPT parameter {recipient.Parameters[0].Key} not recognized");
        }

        // Each recipient is checked at the next hop before the client hears about it: the client gets that hop's own
        // answer per recipient, and no accepted recipient can be refused later.
        var reply = await _nextHop!.CommandAsync($"RCPT TO:<{recipient.Address}>", cancellationToken).ConfigureAwait(false);
        if (!reply.IsPositive)
        {
            return await NextHopRefusedAsync(reply, cancellationToken).ConfigureAwait(false);
        }

        _recipients++;
        _state = SmtpSessionState.Recipients;
        return SmtpReply.Of(250, "2.1.5", "recipient ok");
    }

    private async ValueTask<SmtpReply?> DataAsync(CancellationToken cancellationToken)
    {
        if (_state != SmtpSessionState.Recipients)
        {
            return SmtpReply.Of(554, "5.5.1", "no valid recipients");
        }

        await ReplyAsync(SmtpReply.Of(354, "2.0.0", "end data with <CR><LF>.<CR><LF>"), cancellationToken).ConfigureAwait(false);
        var origin = new DkimMessageOrigin(QueueId, _authenticatedUser, _forwardedAddress ?? _remote.Address, _sender);
        var spool = new MessageSpool(Options.SpoolMemoryThreshold, Options.SpoolDirectory);
        await using var message = new RelayMessage(_context.Processor.Begin(), spool, origin, Options.MaximumMessageSize, _context.Processor.Options.MaximumHeaderSize);
        if (!await ReceiveAsync(message, cancellationToken).ConfigureAwait(false))
        {
            throw new IOException("the client closed the connection in the middle of DATA");
        }

        var reply = await RelayAsync(message, cancellationToken).ConfigureAwait(false);
        await EndTransactionAsync(cancellationToken, resetNextHop: !reply.IsPositive).ConfigureAwait(false);
        return reply;
    }

    /// <summary>Reads DATA to the final dot, each read decoded and passed on at once; false when the client left.</summary>
    private async ValueTask<bool> ReceiveAsync(RelayMessage message, CancellationToken cancellationToken)
    {
        var decoder = new SmtpDataDecoder();
        while (true)
        {
            ReadResult read;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(Options.ClientTimeout);
                read = await _reader.ReadAsync(deadline.Token).ConfigureAwait(false);
            }

            var consumed = decoder.Decode(read.Buffer, message, out bool completed);
            _reader.AdvanceTo(consumed, completed ? consumed : read.Buffer.End);
            await message.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (completed)
            {
                return true;
            }

            if (read.IsCompleted)
            {
                return false;
            }
        }
    }

    /// <summary>The one place that turns a received message into the client's answer.</summary>
    private async ValueTask<SmtpReply> RelayAsync(RelayMessage message, CancellationToken cancellationToken)
    {
        if (message.IsTooLarge)
        {
            return Refused(SmtpReply.Of(552, "5.3.4", $"message size exceeds the limit of {Options.MaximumMessageSize} bytes"));
        }

        var outcome = await message.CompleteAsync(cancellationToken).ConfigureAwait(false);
        if (outcome.Verdict is DkimMessageVerdict.TempFail or DkimMessageVerdict.Reject && outcome.Reply is var (code, enhanced, text))
        {
            return Refused(SmtpReply.Of(int.Parse(code, CultureInfo.InvariantCulture), enhanced, text));
        }

        var reply = await _nextHop!.DataAsync((output, token) => message.WriteEditedAsync(output, outcome, token), cancellationToken).ConfigureAwait(false);
        if (!reply.IsPositive)
        {
            return Refused(reply);
        }

        string said = string.Join(" ", reply.Lines);
        _context.Logger.MessageRelayed(QueueId, _sender, _recipients, message.Size, said);
        return SmtpReply.Of(250, "2.0.0", $"{QueueId} relayed: {said}");
    }

    private SmtpReply Refused(SmtpReply reply)
    {
        _context.Logger.MessageRefused(QueueId, reply.ToString());
        return reply;
    }

    private async ValueTask<SmtpReply> ResetAsync(CancellationToken cancellationToken)
    {
        await EndTransactionAsync(cancellationToken).ConfigureAwait(false);
        return SmtpReply.Of(250, "2.0.0", "ok");
    }

    /// <summary>A next-hop refusal goes to the client as it is; a broken connection is closed so the next message gets a
    /// fresh one.</summary>
    private async ValueTask<SmtpReply> NextHopRefusedAsync(SmtpReply reply, CancellationToken cancellationToken)
    {
        if (_nextHop is { IsUsable: false })
        {
            _context.Logger.NextHopFailed(_sessionId, reply.ToString());
            await CloseNextHopAsync(quit: false, cancellationToken).ConfigureAwait(false);
            await EndTransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        return reply;
    }

    private async ValueTask<SmtpReply?> EnsureNextHopAsync(CancellationToken cancellationToken)
    {
        if (_nextHop is { IsUsable: true })
        {
            return null;
        }

        await CloseNextHopAsync(quit: false, cancellationToken).ConfigureAwait(false);
        var (connection, reply) = await NextHopConnection.OpenAsync(_context.NextHop, Options.HostName, Options.NextHopTimeout, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            _context.Logger.NextHopFailed(_sessionId, reply.ToString());
            return reply;
        }

        _nextHop = connection;
        return null;
    }

    /// <summary>Ends the transaction on both sides: the next hop forgets a transaction the client abandoned.</summary>
    private async ValueTask EndTransactionAsync(CancellationToken cancellationToken, bool resetNextHop = true)
    {
        if (_state is SmtpSessionState.Sender or SmtpSessionState.Recipients && resetNextHop && _nextHop is { IsUsable: true } nextHop)
        {
            await nextHop.CommandAsync("RSET", cancellationToken).ConfigureAwait(false);
        }

        if (_state is SmtpSessionState.Sender or SmtpSessionState.Recipients)
        {
            _state = SmtpSessionState.Ready;
        }

        _sender = string.Empty;
        _recipients = 0;
        _forwardedAddress = null;
    }

    private async ValueTask CloseNextHopAsync(bool quit, CancellationToken cancellationToken)
    {
        if (_nextHop is null)
        {
            return;
        }

        if (quit && _nextHop.IsUsable)
        {
            await _nextHop.CommandAsync("QUIT", cancellationToken).ConfigureAwait(false);
        }

        await _nextHop.DisposeAsync().ConfigureAwait(false);
        _nextHop = null;
    }
}
