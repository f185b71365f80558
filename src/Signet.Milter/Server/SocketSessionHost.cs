using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Signet.Milter.Server;

/// <summary>The part every Signet listener shares (the milter and the SMTP relay): accept connections up to a
/// limit, serve each on its own task, and stop gracefully — stop accepting, let sessions finish what they are in,
/// and cut the rest when the stop's own cancellation gives up waiting.</summary>
public sealed class SocketSessionHost : IDisposable
{
    private readonly ConcurrentDictionary<long, Task> _sessions = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly SemaphoreSlim _slots;
    private readonly Func<Socket, long, SessionTokens, Task> _serve;
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private long _nextSessionId;

    /// <param name="maximumSessions">connections served at once; more wait in the listen backlog.</param>
    /// <param name="serve">serves one connection (it owns the socket); it must not throw.</param>
    public SocketSessionHost(int maximumSessions, Func<Socket, long, SessionTokens, Task> serve)
    {
        _slots = new SemaphoreSlim(maximumSessions);
        _serve = serve ?? throw new ArgumentNullException(nameof(serve));
    }

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
        _slots.Dispose();
    }

    private async Task AcceptAsync(Socket listener)
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                _slots.Release();
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            long id = Interlocked.Increment(ref _nextSessionId);
            _sessions[id] = ServeAsync(socket, id);
        }
    }

    private async Task ServeAsync(Socket socket, long id)
    {
        await Task.Yield();
        try
        {
            await _serve(socket, id, new SessionTokens(_stopping.Token, _abort.Token)).ConfigureAwait(false);
        }
        finally
        {
            _sessions.TryRemove(id, out _);
            _slots.Release();
        }
    }
}

/// <summary>What a session watches: <see cref="Stopping"/> asks it to finish at its next quiet point,
/// <see cref="Abort"/> cuts it now.</summary>
public readonly record struct SessionTokens(CancellationToken Stopping, CancellationToken Abort);
