using System.Net;
using System.Net.Sockets;
using Signet.Milter.Tests.Support;

namespace Signet.Milter.Tests.Server;

/// <summary>Milter connections over the per-client or total limit are closed at once instead of waiting in the backlog,
/// and a place freed is served again.</summary>
public sealed class MilterConnectionLimitTests
{
    [Fact]
    public async Task ConnectionOverThePerClientLimit_IsClosedAtOnce_AndAFreedPlaceIsServedAgain()
    {
        await using var harness = await DkimMilterHarness.StartAsync(DkimMilterHarness.DefaultOptions with { MaximumSessionsPerClient = 2 });
        var endpoint = (IPEndPoint)harness.EndPoint;
        using var first = await ConnectAsync(IPAddress.Loopback, endpoint);
        using var second = await ConnectAsync(IPAddress.Loopback, endpoint);
        using var over = await ConnectAsync(IPAddress.Loopback, endpoint);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await over.ReceiveAsync(new byte[1], SocketFlags.None, deadline.Token));

        first.Dispose();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (harness.Server.SessionCount > 1)
        {
            Assert.True(DateTime.UtcNow < until, "the closed connection's place was not freed");
            await Task.Delay(20);
        }

        var result = await harness.SendAsync(Signet.Testing.TestMessages.Simple, TestEnvelope.Authenticated);
        Assert.Single(result.Inserted("DKIM-Signature"));
    }

    private static async Task<Socket> ConnectAsync(IPAddress from, IPEndPoint to)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(to);
        return socket;
    }
}
