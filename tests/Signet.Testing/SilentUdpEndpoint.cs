using System.Net;
using System.Net.Sockets;

namespace Signet.Testing;

/// <summary>A loopback UDP port that is bound but never answers: queries sent there time out, as they do when a
/// resolver is down or a firewall drops packets.</summary>
public sealed class SilentUdpEndpoint : IDisposable
{
    private readonly Socket _socket;

    public SilentUdpEndpoint()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Endpoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint Endpoint { get; }

    public void Dispose() => _socket.Dispose();
}
