using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using Signet.Relay.NextHop;
using Signet.Relay.Smtp;

namespace Signet.Relay.Session;

/// <summary>One SMTP client connection: commands are read one at a time and answered by the state table and the
/// handlers; the mail transaction itself (MAIL, RCPT, DATA) is mirrored on the next hop, in RelaySession.Transaction.</summary>
internal sealed partial class RelaySession : IAsyncDisposable
{
    private readonly RelayContext _context;
    private readonly long _sessionId;
    private readonly IPEndPoint _remote;
    private Stream _stream;
    private PipeReader _reader;
    private SmtpSessionState _state = SmtpSessionState.Connected;
    private bool _tls;
    private string? _authenticatedUser;
    private IPAddress? _forwardedAddress;
    private NextHopConnection? _nextHop;

    /// <summary>Replies held back while the client's next pipelined command is already here; they go out in one write
    /// with the reply that ends the group (RFC 2920 §3.2: the server does not flush while it has input to read).</summary>
    private readonly ArrayBufferWriter<byte> _heldReplies = new(256);

    public RelaySession(RelayContext context, long sessionId, Stream stream, IPEndPoint remote)
    {
        _context = context;
        _sessionId = sessionId;
        _stream = stream;
        _remote = remote;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
    }

    private RelayOptions Options => _context.Options;

    private bool IsInternalClient => _context.IsInternal(_remote.Address);

    /// <summary>Serves the connection until QUIT, the client leaves, or <paramref name="stopping"/> fires between
    /// commands; <paramref name="abort"/> cuts everything.</summary>
    public async Task<string> RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        await ReplyAsync(SmtpReply.Of(220, "2.0.0", Options.HostName + " ESMTP Signet relay"), abort).ConfigureAwait(false);
        bool spoke = false;
        while (true)
        {
            string? line;
            bool tooLong;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping, abort))
            {
                wait.CancelAfter(spoke ? Options.ClientTimeout : Options.SilentClientTimeout);
                try
                {
                    (line, tooLong) = await SmtpLineReader.ReadLineAsync(_reader, wait.Token).ConfigureAwait(false);
                    spoke = true;
                }
                catch (OperationCanceledException) when (!abort.IsCancellationRequested)
                {
                    bool idle = !stopping.IsCancellationRequested;
                    await ReplyAsync(idle ? SmtpReply.Of(421, "4.4.2", "idle too long, closing") : SmtpReply.Of(421, "4.3.2", "shutting down, try again later"), abort).ConfigureAwait(false);
                    return idle ? "idle timeout" : "server stopping";
                }
            }

            if (tooLong)
            {
                await ReplyAsync(SmtpReply.Of(500, "5.5.6", "line too long"), abort).ConfigureAwait(false);
                continue;
            }

            if (line is null)
            {
                return "client closed the connection";
            }

            var command = SmtpCommand.Parse(line);
            var reply = await DispatchAsync(command, abort).ConfigureAwait(false);
            if (reply is not null && MayWaitInGroup(command.Verb) && ClientSentMore())
            {
                Hold(reply);
            }
            else if (reply is not null)
            {
                await ReplyAsync(reply, abort).ConfigureAwait(false);
            }

            if (command.Verb == "QUIT")
            {
                return "QUIT";
            }

            if (command.Verb == "STARTTLS" && reply is { Code: 220 } && !await StartTlsAsync(abort).ConfigureAwait(false))
            {
                return "TLS handshake failed";
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseNextHopAsync(quit: true, CancellationToken.None).ConfigureAwait(false);
        await _reader.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The one place a command meets the state table; null when the handler answered itself.</summary>
    private async ValueTask<SmtpReply?> DispatchAsync(SmtpCommand command, CancellationToken cancellationToken)
    {
        if (!SmtpStateTable.IsKnown(command.Verb))
        {
            return SmtpReply.Of(502, "5.5.2", "command not implemented");
        }

        if (!SmtpStateTable.IsAllowed(command.Verb, _state))
        {
            return SmtpReply.Of(503, "5.5.1", $"bad sequence of commands: {command.Verb} not allowed here");
        }

        return command.Verb switch
        {
            "EHLO" => await HelloAsync(command.Argument, extended: true, cancellationToken).ConfigureAwait(false),
            "HELO" => await HelloAsync(command.Argument, extended: false, cancellationToken).ConfigureAwait(false),
            "STARTTLS" => StartTlsReply(),
            "AUTH" => await AuthenticateAsync(command.Argument, cancellationToken).ConfigureAwait(false),
            "XFORWARD" => Forwarded(command.Argument),
            "MAIL" => await MailAsync(command.Argument, cancellationToken).ConfigureAwait(false),
            "RCPT" => await RecipientAsync(command.Argument, cancellationToken).ConfigureAwait(false),
            "DATA" => await DataAsync(cancellationToken).ConfigureAwait(false),
            "RSET" => await ResetAsync(cancellationToken).ConfigureAwait(false),
            "NOOP" => SmtpReply.Of(250, "2.0.0", "ok"),
            "VRFY" => SmtpReply.Of(252, "2.5.0", "cannot verify the user, but will relay the message"),
            "HELP" => SmtpReply.Of(214, "2.0.0", "see RFC 5321"),
            _ => SmtpReply.Of(221, "2.0.0", Options.HostName + " closing"),
        };
    }

    private async ValueTask<SmtpReply> HelloAsync(string name, bool extended, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return SmtpReply.Of(501, "5.5.4", "a domain or address is required");
        }

        await EndTransactionAsync(cancellationToken).ConfigureAwait(false);
        _state = SmtpSessionState.Ready;
        if (!extended)
        {
            return new SmtpReply(250, [Options.HostName]);
        }

        var lines = new List<string>
        {
            $"{Options.HostName} greets {name}",
            "SIZE " + Options.MaximumMessageSize,
            "8BITMIME",
            "SMTPUTF8",
            "ENHANCEDSTATUSCODES",
        };
        if (_context.Certificate is not null && !_tls)
        {
            lines.Add("STARTTLS");
        }

        if (AuthenticationOffered)
        {
            lines.Add("AUTH PLAIN LOGIN");
        }

        if (IsInternalClient)
        {
            lines.Add("XFORWARD NAME ADDR PROTO HELO");
        }

        // RFC 2920: the client may send MAIL, its RCPTs and DATA in one write; each is still answered in order, with
        // the next hop's own answer, and the answers go back together.
        lines.Add("PIPELINING");

        return new SmtpReply(250, lines);
    }

    private SmtpReply StartTlsReply() =>
        _context.Certificate is null || _tls
            ? SmtpReply.Of(502, "5.5.1", _tls ? "TLS is already active" : "STARTTLS is not offered")
            : SmtpReply.Of(220, "2.0.0", "ready to start TLS");

    /// <summary>RFC 3207 §4.2: after the handshake the session starts over, and nothing the client sent before it (a
    /// command injected after STARTTLS) is read.</summary>
    private async ValueTask<bool> StartTlsAsync(CancellationToken cancellationToken)
    {
        await _reader.CompleteAsync().ConfigureAwait(false);
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Options.ClientTimeout);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _context.Certificate }, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _context.Logger.TlsFailed(_sessionId, exception.Message);
            await tls.DisposeAsync().ConfigureAwait(false);
            _reader = PipeReader.Create(Stream.Null);
            return false;
        }

        _stream = tls;
        _reader = PipeReader.Create(tls, new StreamPipeReaderOptions(leaveOpen: true));
        _tls = true;
        _authenticatedUser = null;
        _state = SmtpSessionState.Connected;
        return true;
    }

    /// <summary>XFORWARD (Postfix's extension): an MTA in front tells who its client was, so that mail is classified by
    /// the original client. Only internal clients may send it; ADDR is the attribute that counts here.</summary>
    private SmtpReply Forwarded(string argument)
    {
        if (!IsInternalClient)
        {
            return SmtpReply.Of(550, "5.7.0", "XFORWARD is not allowed from this client");
        }

        foreach (string attribute in argument.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = attribute.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && attribute[..equals].Equals("ADDR", StringComparison.OrdinalIgnoreCase))
            {
                string value = attribute[(equals + 1)..];
                value = value.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase) ? value[5..] : value;
                _forwardedAddress = IPAddress.TryParse(value, out var address) ? address : null;
            }
        }

        return SmtpReply.Of(250, "2.0.0", "ok");
    }

    /// <summary>Sends the held replies and then <paramref name="reply"/>, in one write.</summary>
    private async ValueTask ReplyAsync(SmtpReply reply, CancellationToken cancellationToken)
    {
        if (_heldReplies.WrittenCount == 0)
        {
            await _stream.WriteAsync(reply.ToWire(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Hold(reply);
            await _stream.WriteAsync(_heldReplies.WrittenMemory, cancellationToken).ConfigureAwait(false);
            _heldReplies.Clear();
        }

        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Hold(SmtpReply reply) => _heldReplies.Write(reply.ToWire());

    /// <summary>RFC 2920 §3.1: only these may stand inside a group; any other command's answer changes what the client
    /// does next, so it goes out at once (with whatever was held).</summary>
    private static bool MayWaitInGroup(string verb) => verb is "MAIL" or "RCPT" or "RSET";

    /// <summary>Whether the client's next command line is already here, so that reading it will not wait.</summary>
    private bool ClientSentMore()
    {
        if (!_reader.TryRead(out var read))
        {
            return false;
        }

        bool line = read.Buffer.PositionOf((byte)'\n') is not null;
        _reader.AdvanceTo(read.Buffer.Start);
        return line;
    }
}
