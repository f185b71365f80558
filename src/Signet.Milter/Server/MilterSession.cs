using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Signet.Milter.Protocol;

namespace Signet.Milter.Server;

/// <summary>One milter connection: reads packets through a pipe, moves through <see cref="MilterStateTable"/>, calls
/// the filter's hooks and writes their replies. Malformed or out-of-order input closes the connection (a milter
/// stream cannot be resynchronised); the MTA then applies its own default action.</summary>
internal sealed class MilterSession(Socket socket, MilterOptions options, IMilterFilterFactory factory, ILogger logger, long sessionId)
{
    private readonly MilterSessionContext _context = new(sessionId);
    private IMilterFilter _filter = factory.Create();
    private PipeWriter _output = null!;
    private bool _headersEnded;

    public MilterState State { get; private set; } = MilterState.Negotiation;

    private bool InMessage => State is MilterState.Envelope or MilterState.Headers or MilterState.Body;

    /// <summary>Serves the connection until the MTA quits or closes it. <paramref name="stopping"/> ends it at the
    /// next point between messages; <paramref name="abort"/> ends it at once.</summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        var stream = new QuickAckNetworkStream(socket);
        var input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 65536, leaveOpen: true));
        _output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(abort);
        string reason = "the MTA closed the connection";
        try
        {
            using (stopping.Register(() => input.CancelPendingRead()))
            {
                reason = await ServeAsync(input, idle, stopping, abort).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
            logger.SessionTimedOut(sessionId, options.IdleTimeout);
            reason = "idle timeout";
        }
        catch (OperationCanceledException)
        {
            reason = "the server stopped before the message was complete";
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            logger.ConnectionError(sessionId, exception.Message);
            reason = "connection error";
        }
        finally
        {
            if (InMessage)
            {
                _filter.OnAbort(_context);
            }

            _filter.Dispose();
            await input.CompleteAsync().ConfigureAwait(false);
            await _output.CompleteAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
            logger.SessionClosed(sessionId, reason);
        }
    }

    private async Task<string> ServeAsync(PipeReader input, CancellationTokenSource idle, CancellationToken stopping, CancellationToken abort)
    {
        while (true)
        {
            idle.CancelAfter(options.IdleTimeout);
            var result = await input.ReadAsync(idle.Token).ConfigureAwait(false);
            var buffer = result.Buffer;
            string? closeReason = null;
            while (closeReason is null)
            {
                var status = MilterFraming.TryRead(ref buffer, options.MaximumPacketSize, out var packet, out string error);
                if (status == MilterFrameStatus.Incomplete)
                {
                    break;
                }

                if (status == MilterFrameStatus.Malformed)
                {
                    logger.MalformedPacket(sessionId, error);
                    closeReason = "malformed packet";
                    break;
                }

                closeReason = await HandleAsync(packet, abort).ConfigureAwait(false);
            }

            // Stopping closes between messages, once what the MTA already sent has been answered.
            if (closeReason is null && stopping.IsCancellationRequested && !InMessage && buffer.IsEmpty)
            {
                closeReason = "the server is stopping";
            }

            input.AdvanceTo(buffer.Start, buffer.End);

            // Most packets are not answered (the no-reply steps): flush only what was written.
            if (!_output.CanGetUnflushedBytes || _output.UnflushedBytes > 0)
            {
                await _output.FlushAsync(abort).ConfigureAwait(false);
            }
            if (closeReason is not null)
            {
                return closeReason;
            }

            if (result.IsCompleted)
            {
                return buffer.IsEmpty ? "the MTA closed the connection" : "the MTA closed the connection inside a packet";
            }
        }
    }

    private async ValueTask<string?> HandleAsync(MilterPacket packet, CancellationToken cancellationToken)
    {
        if (!MilterCommandReader.TryDecode(packet, out var command, out string error))
        {
            logger.MalformedPacket(sessionId, error);
            return "malformed packet";
        }

        if (!MilterStateTable.TryMove(State, command.Code, out var next))
        {
            logger.UnexpectedCommand(sessionId, command.Code.ToString(), State.ToString());
            return "command out of order";
        }

        var previous = State;
        State = next;
        try
        {
            return await DispatchAsync(command, previous, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.FilterFailed(exception, sessionId, command.Code.ToString(), _context.QueueId);
            return "the filter failed";
        }
    }

    private async ValueTask<string?> DispatchAsync(MilterCommand command, MilterState previous, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case MilterNegotiation negotiation:
                return Negotiate(negotiation);
            case MilterMacros macros:
                _context.Macros.Define(macros);
                return null;
            case MilterConnect connect:
                _context.Client = connect;
                Answer(await _filter.OnConnectAsync(_context, connect, cancellationToken).ConfigureAwait(false), MilterProtocolSteps.NoReplyConnect);
                return null;
            case MilterEnvelope { Code: MilterCommandCode.Mail } mail:
                _headersEnded = false;
                Answer(await _filter.OnMailAsync(_context, mail, cancellationToken).ConfigureAwait(false), MilterProtocolSteps.NoReplyMail);
                return null;
            case MilterHeader header:
                Answer(await _filter.OnHeaderAsync(_context, header, cancellationToken).ConfigureAwait(false), MilterProtocolSteps.NoReplyHeader);
                return null;
            case MilterSignal { Code: MilterCommandCode.EndOfHeaders }:
                Answer(await EndHeadersAsync(cancellationToken).ConfigureAwait(false), MilterProtocolSteps.NoReplyEndOfHeaders);
                return null;
            case MilterBodyChunk chunk:
                await EndHeadersAsync(cancellationToken).ConfigureAwait(false);
                Answer(await _filter.OnBodyAsync(_context, chunk.Data, cancellationToken).ConfigureAwait(false), MilterProtocolSteps.NoReplyBody);
                return null;
            case MilterEndOfMessage end:
                await EndMessageAsync(end, cancellationToken).ConfigureAwait(false);
                return null;
            default:
                return HandleWithoutFilter(command, previous);
        }
    }

    private string? HandleWithoutFilter(MilterCommand command, MilterState previous)
    {
        switch (command.Code)
        {
            case MilterCommandCode.Helo:
                Answer(MilterReply.Continue, MilterProtocolSteps.NoReplyHelo);
                return null;
            case MilterCommandCode.Recipient:
                Answer(MilterReply.Continue, MilterProtocolSteps.NoReplyRecipient);
                return null;
            case MilterCommandCode.Data:
                Answer(MilterReply.Continue, MilterProtocolSteps.NoReplyData);
                return null;
            case MilterCommandCode.Unknown:
                Answer(MilterReply.Continue, MilterProtocolSteps.NoReplyUnknown);
                return null;
            case MilterCommandCode.Abort:
                EndMessageWithoutResult(previous);
                return null;
            case MilterCommandCode.QuitNewConnection:
                EndMessageWithoutResult(previous);
                _filter.Dispose();
                _filter = factory.Create();
                _context.Client = null;
                _context.Macros.ForgetAll();
                return null;
            default:
                return "the MTA quit";
        }
    }

    private string? Negotiate(MilterNegotiation offer)
    {
        var profile = factory.Profile;
        string? failure = offer.Version < MilterNegotiation.MinimumVersion
            ? $"the MTA speaks milter protocol version {offer.Version}; at least {MilterNegotiation.MinimumVersion} is needed"
            : (offer.Actions & profile.RequiredActions) != profile.RequiredActions
                ? $"the MTA offers actions {offer.Actions}; the filter needs {profile.RequiredActions}"
                : null;
        if (failure is not null)
        {
            logger.NegotiationFailed(sessionId, failure);
            return "negotiation failed";
        }

        var agreed = new MilterNegotiation(Math.Min(offer.Version, MilterNegotiation.CurrentVersion), profile.RequiredActions, profile.WantedSteps & offer.Steps);
        _context.Negotiated = agreed;
        MilterResponseWriter.Write(_output, new MilterNegotiationReply(agreed));
        // The flags are formatted only when the debug line is written: naming them costs more than the negotiation.
        logger.Negotiated(sessionId, agreed.Version, agreed.Actions, agreed.Steps);
        return null;
    }

    private async ValueTask<MilterReply> EndHeadersAsync(CancellationToken cancellationToken)
    {
        if (_headersEnded)
        {
            return MilterReply.Continue;
        }

        // The end of headers may be skipped by the MTA; the filter sees it before the first body chunk regardless.
        _headersEnded = true;
        return await _filter.OnEndOfHeadersAsync(_context, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask EndMessageAsync(MilterEndOfMessage end, CancellationToken cancellationToken)
    {
        await EndHeadersAsync(cancellationToken).ConfigureAwait(false);
        if (!end.FinalChunk.IsEmpty)
        {
            await _filter.OnBodyAsync(_context, end.FinalChunk, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await _filter.OnEndOfMessageAsync(_context, cancellationToken).ConfigureAwait(false);
        foreach (var change in outcome.Changes)
        {
            MilterResponseWriter.Write(_output, change);
        }

        MilterResponseWriter.Write(_output, outcome.Reply);
        _context.Macros.ForgetMessage();
        _headersEnded = false;
    }

    private void EndMessageWithoutResult(MilterState previous)
    {
        if (previous is MilterState.Envelope or MilterState.Headers or MilterState.Body)
        {
            _filter.OnAbort(_context);
        }

        _context.Macros.ForgetMessage();
        _headersEnded = false;
    }

    private void Answer(MilterReply reply, MilterProtocolSteps noReplyStep)
    {
        if (_context.Negotiated is { } agreed && (agreed.Steps & noReplyStep) != 0)
        {
            return;
        }

        MilterResponseWriter.Write(_output, reply);
        if (reply.Code != MilterReplyCode.Continue && InMessage)
        {
            // Any other verdict ends the message for this filter: the MTA sends nothing more of it.
            EndMessageWithoutResult(State);
            State = MilterState.Connected;
        }
    }
}
