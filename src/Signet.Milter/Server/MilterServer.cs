using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Signet.Mail.Server;

namespace Signet.Milter.Server;

/// <summary>Listens on TCP or a Unix-domain socket and serves many milter connections at once. Stopping finishes the
/// messages in progress: each connection closes at its next point between messages, or when the stop's own
/// cancellation token gives up waiting.</summary>
public sealed class MilterServer : IAsyncDisposable
{
    private readonly MilterOptions _options;
    private readonly MilterEndpoint _endpoint;
    private readonly IMilterFilterFactory _factory;
    private readonly ILogger _logger;
    private readonly SocketSessionHost _host;

    public MilterServer(MilterOptions options, IMilterFilterFactory factory, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid milter options: " + string.Join("; ", errors), nameof(options));
        }

        _endpoint = MilterEndpoint.TryParse(options.Listen, out var endpoint, out _) ? endpoint : throw new UnreachableException();
        _options = options;
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _logger = logger ?? NullLogger.Instance;
        _host = new SocketSessionHost(options.MaximumSessions, options.MaximumSessionsPerClient, ServeAsync);
    }

    /// <summary>Where the server listens once started (with the real port when 0 was asked for).</summary>
    public EndPoint? LocalEndPoint => _host.Listener?.LocalEndPoint;

    /// <summary>How many connections are being served.</summary>
    public int SessionCount => _host.SessionCount;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var listener = Bind(_endpoint, _options.SocketGroup);
        _logger.Listening(_endpoint.EndPoint is IPEndPoint ? listener.LocalEndPoint!.ToString()! : _endpoint.ToString());
        _host.Start(listener);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, lets each connection finish the message it is in, and waits for them; when
    /// <paramref name="cancellationToken"/> fires first, the remaining connections are cut.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_host.IsStopping)
        {
            return;
        }

        int open = await _host.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_endpoint.SocketPath is { } path)
        {
            File.Delete(path);
        }

        _logger.Stopped(open);
    }

    public async ValueTask DisposeAsync()
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await StopAsync(giveUp.Token).ConfigureAwait(false);
        _host.Dispose();
    }

    private static Socket Bind(MilterEndpoint endpoint, string? socketGroup)
    {
        if (endpoint.SocketPath is { } path)
        {
            // A socket file left by an earlier run would make bind fail.
            File.Delete(path);
            var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            unix.Bind(endpoint.EndPoint);
            // The MTA runs as its own user: owner and group (the MTA's, with SocketGroup) may connect, others not.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
                if (socketGroup is { Length: > 0 } && !UnixSocketGroup.TryApply(path, socketGroup, out string error))
                {
                    unix.Dispose();
                    File.Delete(path);
                    throw new InvalidOperationException("Milter:SocketGroup: " + error);
                }
            }

            unix.Listen(128);
            return unix;
        }

        var ip = (IPEndPoint)endpoint.EndPoint;
        var tcp = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (ip.Address.Equals(IPAddress.IPv6Any))
        {
            tcp.DualMode = true;
        }

        tcp.Bind(ip);
        tcp.Listen(128);
        return tcp;
    }

    private async Task ServeAsync(Socket socket, long id, SessionTokens tokens)
    {
        if (socket.AddressFamily != AddressFamily.Unix)
        {
            // Replies are small and the MTA waits for each one.
            socket.NoDelay = true;
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.SessionOpened(id, socket.RemoteEndPoint?.ToString() ?? "unix socket");
        }
        var session = new MilterSession(socket, _options, _factory, _logger, id);
        await session.RunAsync(tokens.Stopping, tokens.Abort).ConfigureAwait(false);
    }
}
