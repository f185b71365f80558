using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Signet.Milter.Server;

/// <summary>A socket stream that re-arms TCP_QUICKACK after every read on Linux. MTAs write a milter packet's length
/// and body in separate sends; with Nagle on their side and delayed acknowledgements on ours, the body waits for
/// our ACK — up to 40 ms per packet. Acknowledging at once removes that stall. Elsewhere it is a plain stream.</summary>
internal sealed class QuickAckNetworkStream(Socket socket) : NetworkStream(socket, ownsSocket: true)
{
    // IPPROTO_TCP and TCP_QUICKACK from Linux's netinet/tcp.h.
    private const int TcpLevel = 6;
    private const int TcpQuickAck = 12;
    private readonly bool _enabled = OperatingSystem.IsLinux() && socket.ProtocolType == ProtocolType.Tcp;

    // Every packet the MTA sends completes a read here: the pooling builder reuses the state machine's box instead of
    // allocating one per read that waits.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        RearmQuickAck();
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        int read = base.Read(buffer);
        RearmQuickAck();
        return read;
    }

    private void RearmQuickAck()
    {
        if (!_enabled)
        {
            return;
        }

        try
        {
            Span<byte> on = [1, 0, 0, 0];
            Socket.SetRawSocketOption(TcpLevel, TcpQuickAck, on);
        }
        catch (SocketException)
        {
            // Only a latency optimisation: a socket that refuses it still works.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
