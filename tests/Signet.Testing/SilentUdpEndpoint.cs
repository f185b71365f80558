using System.Net;
using System.Net.Sockets;

namespace Signet.Testing;

/// <summary>A loopback UDP port that is bound but never answers: queries sent there time out, as they do when a
/// resolver is down or a firewall drops packets. It counts what it receives, so a test can wait until its queries
/// are in flight instead of sleeping.</summary>
public sealed class SilentUdpEndpoint : IDisposable
{
    private readonly Socket _socket;
    private int _received;

    public SilentUdpEndpoint()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Endpoint = (IPEndPoint)_socket.LocalEndPoint!;
        _ = DiscardAsync();
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>How many datagrams (queries) have arrived so far.</summary>
    public int Received => Volatile.Read(ref _received);

    public void Dispose() => _socket.Dispose();

    private async Task DiscardAsync()
    {
        var buffer = new byte[65536];
        try
        {
            while (true)
            {
                await _socket.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                Interlocked.Increment(ref _received);
            }
        }
        catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
        {
            // Disposed: the endpoint is gone, as the test intended.
        }
    }
}
