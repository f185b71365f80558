using System.Diagnostics;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Milter.Dkim;
using Signet.Relay.Session;

namespace Signet.Relay;

/// <summary>The SMTP relay: listens for mail, signs or verifies it with the same DKIM step as the milter, and hands it
/// to the next hop, answering the client only with what the next hop answered. Stopping lets each session finish the
/// command it is in; sessions waiting for a command get 421.</summary>
public sealed class RelayServer : IAsyncDisposable
{
    private readonly RelayContext _context;
    private readonly RelayHostPort _listen;
    private readonly ConcurrentDictionary<long, Task> _sessions = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly SemaphoreSlim _slots;
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private long _nextSessionId;

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
        _context = new RelayContext(options, nextHop, options.ParseInternalNetworks(), processor, authenticator,
            LoadCertificate(options), logger ?? NullLogger.Instance);
        _slots = new SemaphoreSlim(options.MaximumSessions);
    }

    /// <summary>A relay with its own DKIM step, built from the relay options.</summary>
    public RelayServer(
        RelayOptions options,
        IMilterSigningPolicy signingPolicy,
        ITxtRecordSource keySource,
        IOrganizationalDomainResolver organizationalDomains,
        IRelayUserAuthenticator? authenticator = null,
        ILogger? logger = null,
        TimeProvider? time = null)
        : this(options, CreateProcessor(options, signingPolicy, keySource, organizationalDomains, logger, time), authenticator, logger)
    {
    }

    /// <summary>Where the relay listens once started (with the real port when 0 was asked for).</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint as IPEndPoint;

    public int SessionCount => _sessions.Count;

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
        _listener = listener;
        _context.Logger.Listening(listener.LocalEndPoint!.ToString()!, _context.NextHop.ToString());
        _acceptLoop = AcceptAsync(listener);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting and lets the sessions finish what they are doing; when <paramref name="cancellationToken"/>
    /// fires first, the remaining sessions are cut (their clients keep the messages, unanswered).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        int open = _sessions.Count;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_sessions.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_sessions.Values).ConfigureAwait(false);
        }

        _context.Logger.Stopped(open);
    }

    public async ValueTask DisposeAsync()
    {
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await StopAsync(deadline.Token).ConfigureAwait(false);
        }

        _context.Certificate?.Dispose();
        _stopping.Dispose();
        _abort.Dispose();
        _slots.Dispose();
    }

    private static DkimMessageProcessor CreateProcessor(RelayOptions options, IMilterSigningPolicy signingPolicy, ITxtRecordSource keySource,
        IOrganizationalDomainResolver organizationalDomains, ILogger? logger, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid relay options: " + string.Join("; ", errors), nameof(options));
        }

        return new DkimMessageProcessor(options.ToProcessorOptions(), signingPolicy, keySource, organizationalDomains, logger, time);
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

    private async Task AcceptAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                _slots.Release();
                return;
            }

            long id = Interlocked.Increment(ref _nextSessionId);
            _sessions[id] = ServeAsync(id, socket);
        }
    }

    private async Task ServeAsync(long id, Socket socket)
    {
        await Task.Yield();
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        _context.Logger.SessionOpened(id, remote.ToString());
        string reason = "unknown";
        socket.NoDelay = true;
        var session = new RelaySession(_context, id, new NetworkStream(socket, ownsSocket: true), remote);
        try
        {
            reason = await session.RunAsync(_stopping.Token, _abort.Token).ConfigureAwait(false);
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
            _sessions.TryRemove(id, out _);
            _slots.Release();
        }
    }
}
