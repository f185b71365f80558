using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Mail;
using Signet.Mail.Policy;
using Signet.Mail.Processing;
using Signet.Mail.Server;
using Signet.Relay.Session;
using Signet.Relay.Smtp;

namespace Signet.Relay;

/// <summary>The SMTP relay: listens for mail, signs or verifies it with the same DKIM step as the milter, and hands it
/// to the next hop, answering the client only with what the next hop answered. Stopping lets each session finish the
/// command it is in; sessions waiting for a command get 421.</summary>
public sealed class RelayServer : IAsyncDisposable
{
    private readonly RelayContext _context;
    private readonly RelayHostPort _listen;
    private readonly SocketSessionHost _host;

    /// <summary>A relay that signs and verifies with <paramref name="processor"/>, which may be shared with other front ends.</summary>
    public RelayServer(RelayOptions options, DkimMessageProcessor processor, IRelayUserAuthenticator? authenticator = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(processor);
        var errors = options.Validate().ToList();
        if (options.Authentication && authenticator is null)
        {
            errors.Add("Authentication is on but no user authenticator was given");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid relay options: " + string.Join("; ", errors), nameof(options));
        }

        _listen = RelayHostPort.TryParse(options.Listen, out var listen, out _) ? listen : throw new UnreachableException();
        var nextHop = RelayHostPort.TryParse(options.NextHop, out var parsed, out _) ? parsed : throw new UnreachableException();
        _context = new RelayContext(options, nextHop, processor.InternalNetworks, processor, authenticator,
            LoadCertificate(options), logger ?? NullLogger.Instance);
        _host = new SocketSessionHost(options.MaximumSessions, options.MaximumSessionsPerClient, ServeAsync, RefuseAsync);
    }

    /// <summary>A relay with a DKIM step of its own, built from <paramref name="mail"/>.</summary>
    public RelayServer(
        RelayOptions options,
        MailOptions mail,
        IMailSigningPolicy signingPolicy,
        ITxtRecordSource keySource,
        IOrganizationalDomainResolver organizationalDomains,
        IRelayUserAuthenticator? authenticator = null,
        ILogger? logger = null,
        TimeProvider? time = null)
        : this(options, new DkimMessageProcessor(mail, signingPolicy, keySource, organizationalDomains, logger, time), authenticator, logger)
    {
    }

    /// <summary>The DKIM step the relay feeds (shared with the milter when the host builds one for both).</summary>
    public DkimMessageProcessor Processor => _context.Processor;

    /// <summary>Where the relay listens once started (with the real port when 0 was asked for).</summary>
    public IPEndPoint? LocalEndPoint => _host.Listener?.LocalEndPoint as IPEndPoint;

    public int SessionCount => _host.SessionCount;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var address = _listen.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : _listen.Host == "*" ? IPAddress.IPv6Any
            : IPAddress.Parse(_listen.Host);
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (address.Equals(IPAddress.IPv6Any))
        {
            listener.DualMode = true;
        }

        listener.Bind(new IPEndPoint(address, _listen.Port));
        listener.Listen(512);
        _context.Logger.Listening(listener.LocalEndPoint!.ToString()!, _context.NextHop.ToString());
        _host.Start(listener);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting and lets the sessions finish what they are doing; when <paramref name="cancellationToken"/>
    /// fires first, the remaining sessions are cut (their clients keep the messages, unanswered).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_host.IsStopping)
        {
            return;
        }

        int open = await _host.StopAsync(cancellationToken).ConfigureAwait(false);
        _context.Logger.Stopped(open);
    }

    public async ValueTask DisposeAsync()
    {
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await StopAsync(deadline.Token).ConfigureAwait(false);
        }

        _context.Certificate?.Dispose();
        _host.Dispose();
    }

    private static X509Certificate2? LoadCertificate(RelayOptions options)
    {
        if (options.CertificatePath is not { Length: > 0 } path)
        {
            return null;
        }

        string extension = Path.GetExtension(path).ToUpperInvariant();
        return extension is ".PFX" or ".P12"
            ? X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword)
            : options.CertificatePassword is { Length: > 0 } password
                ? X509Certificate2.CreateFromEncryptedPemFile(path, password)
                : X509Certificate2.CreateFromPemFile(path);
    }

    /// <summary>RFC 5321 §3.8: a server that cannot serve now may answer the connection 421 and close it; RFC 3463
    /// X.7.0 (a policy limit) says it is not a fault of the message. Two seconds at most: a client that does not read
    /// its refusal is not waited for.</summary>
    private async Task RefuseAsync(Socket socket, string reason)
    {
        _context.Logger.ConnectionRefused(socket.RemoteEndPoint?.ToString() ?? "unknown", reason);
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.SendAsync(SmtpReply.Of(421, "4.7.0", reason + ", try again later").ToWire(), SocketFlags.None, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away first: nothing to tell.
        }
    }

    private async Task ServeAsync(Socket socket, long id, SessionTokens tokens)
    {
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        _context.Logger.SessionOpened(id, remote.ToString());
        string reason = "unknown";
        socket.NoDelay = true;
        var session = new RelaySession(_context, id, new NetworkStream(socket, ownsSocket: true), remote);
        try
        {
            reason = await session.RunAsync(tokens.Stopping, tokens.Abort).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            reason = exception.Message;
        }
        catch (Exception exception)
        {
            _context.Logger.SessionFailed(exception, id);
            reason = "internal error";
        }
        finally
        {
            await session.DisposeAsync().ConfigureAwait(false);
            _context.Logger.SessionClosed(id, reason);
        }
    }
}
