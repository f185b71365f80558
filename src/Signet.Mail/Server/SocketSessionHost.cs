using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Signet.Mail.Server;

/// <summary>The part every Signet listener shares (the milter and the SMTP relay): accept connections, serve each on
/// its own task up to a limit in total and per client address, and stop gracefully — stop accepting, let sessions
/// finish what they are in, and cut the rest when the stop's own cancellation gives up waiting.
/// <para>A connection over a limit is not left waiting in the listen backlog, where it would hold a place that a
/// client we can serve needs: it is accepted, refused (the relay says 421 4.7.0) and closed at once. The per-address
/// limit keeps one client from taking every place; Unix-socket clients have no address and count only in the total.</para></summary>
public sealed class SocketSessionHost : IDisposable
{
    private readonly ConcurrentDictionary<long, Task> _sessions = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly Dictionary<IPAddress, int> _perClient = [];
    private readonly int _maximumSessions;
    private readonly int _maximumPerClient;
    private readonly Func<Socket, long, SessionTokens, Task> _serve;
    private readonly Func<Socket, string, Task>? _refuse;
    private int _open;
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private long _nextSessionId;
    private long _refused;

    /// <param name="maximumSessions">connections served at once; more are refused and closed.</param>
    /// <param name="maximumSessionsPerClient">connections served at once from one client address.</param>
    /// <param name="serve">serves one connection (it owns the socket); it must not throw.</param>
    /// <param name="refuse">says why to a connection over a limit before it is closed (the relay's 421); must not throw.</param>
    public SocketSessionHost(int maximumSessions, int maximumSessionsPerClient, Func<Socket, long, SessionTokens, Task> serve, Func<Socket, string, Task>? refuse = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumSessions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumSessionsPerClient, 1);
        _maximumSessions = maximumSessions;
        _maximumPerClient = maximumSessionsPerClient;
        _serve = serve ?? throw new ArgumentNullException(nameof(serve));
        _refuse = refuse;
    }

    /// <summary>Connections refused because a limit was reached, since the start.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public Socket? Listener => _listener;

    public int SessionCount => _sessions.Count;

    public bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>Starts accepting on a bound, listening socket.</summary>
    public void Start(Socket listener)
    {
        _listener = listener ?? throw new ArgumentNullException(nameof(listener));
        _acceptLoop = AcceptAsync(listener);
    }

    /// <summary>Stops accepting and waits for the sessions; returns how many were open when the stop began.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return 0;
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

        return open;
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abort.Dispose();
    }

    private async Task AcceptAsync(Socket listener)
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            var address = (socket.RemoteEndPoint as IPEndPoint)?.Address;
            if (TryAdmit(address) is { } refusal)
            {
                Interlocked.Increment(ref _refused);
                _ = RefuseAsync(socket, refusal);
                continue;
            }

            long id = Interlocked.Increment(ref _nextSessionId);
            _sessions[id] = ServeAsync(socket, id, address);
        }
    }

    /// <summary>Takes a place for a new connection, or says which limit is reached.</summary>
    private string? TryAdmit(IPAddress? address)
    {
        lock (_perClient)
        {
            if (_open >= _maximumSessions)
            {
                return $"too many connections (the limit is {_maximumSessions})";
            }

            int fromClient = address is null ? 0 : _perClient.GetValueOrDefault(address);
            if (address is not null && fromClient >= _maximumPerClient)
            {
                return $"too many connections from {address} (the limit is {_maximumPerClient})";
            }

            _open++;
            if (address is not null)
            {
                _perClient[address] = fromClient + 1;
            }

            return null;
        }
    }

    private void Release(IPAddress? address)
    {
        lock (_perClient)
        {
            _open--;
            if (address is not null && _perClient.TryGetValue(address, out int count))
            {
                if (count <= 1)
                {
                    _perClient.Remove(address);
                }
                else
                {
                    _perClient[address] = count - 1;
                }
            }
        }
    }

    private async Task RefuseAsync(Socket socket, string reason)
    {
        using (socket)
        {
            if (_refuse is not null)
            {
                await _refuse(socket, reason).ConfigureAwait(false);
            }
        }
    }

    private async Task ServeAsync(Socket socket, long id, IPAddress? address)
    {
        await Task.Yield();
        try
        {
            await _serve(socket, id, new SessionTokens(_stopping.Token, _abort.Token)).ConfigureAwait(false);
        }
        finally
        {
            _sessions.TryRemove(id, out _);
            Release(address);
        }
    }
}
