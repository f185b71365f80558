using System.Net;
using System.Net.Sockets;

namespace Signet.Testing;

/// <summary>Finds loopback ports for servers a test starts.</summary>
public static class LoopbackPorts
{
    /// <summary>A port that is free for both TCP and UDP on 127.0.0.1 at the time of the call (DNS servers need
    /// both on one port). Another process may still take it before the server binds; callers retry.</summary>
    public static int FindFreeTcpAndUdpPort()
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken for UDP; ask for another.
            }
        }

        throw new InvalidOperationException("no loopback port is free for both TCP and UDP");
    }
}
