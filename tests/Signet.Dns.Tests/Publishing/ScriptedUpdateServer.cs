using System.Net;
using System.Net.Sockets;

namespace Signet.Dns.Tests.Publishing;

/// <summary>A UDP endpoint on 127.0.0.1 that answers each update with whatever bytes the test scripts (or nothing):
/// for answers no real server gives, such as a forged one without a valid TSIG.</summary>
internal sealed class ScriptedUpdateServer : IAsyncDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ScriptedUpdateServer(Func<byte[], byte[]?> answer)
    {
        _loop = Task.Run(() => ServeAsync(answer));
    }

    public IPEndPoint Endpoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    public int Requests { get; private set; }

    /// <summary>The request sent back as the answer (QR set): its TSIG is a request's, so it cannot verify as the answer's.</summary>
    public static byte[] EchoAsResponse(byte[] request)
    {
        byte[] reply = (byte[])request.Clone();
        reply[2] |= 0x80;
        return reply;
    }

    /// <summary>A bare answer with the request's ID, opcode UPDATE, the given RCODE and no records at all (no TSIG).</summary>
    public static byte[] Unsigned(byte[] request, byte rcode) =>
        [request[0], request[1], 0x80 | 0x28, rcode, 0, 0, 0, 0, 0, 0, 0, 0];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(Func<byte[], byte[]?> answer)
    {
        while (!_stop.IsCancellationRequested)
        {
            var request = await _socket.ReceiveAsync(_stop.Token);
            Requests++;
            if (answer(request.Buffer) is { } reply)
            {
                await _socket.SendAsync(reply, request.RemoteEndPoint, _stop.Token);
            }
        }
    }
}
