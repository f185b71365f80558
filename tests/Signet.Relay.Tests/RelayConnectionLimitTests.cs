using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Signet.Relay.Tests.Support;

namespace Signet.Relay.Tests;

/// <summary>Idle sockets cannot shut clients out: connections are capped in total and per client address (over the
/// limit: 421 4.7.0 and closed at once), and a connection that never spoke is closed after the silent-client timeout.</summary>
public sealed class RelayConnectionLimitTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task FiveHundredIdleSockets_FromOneAddress_DoNotStopANewClientBeingServed()
    {
        await using var relay = await RelayHarness.StartAsync();
        var idle = new List<Socket>();
        try
        {
            for (int i = 0; i < 500; i++)
            {
                idle.Add(await ConnectAsync(IPAddress.Loopback, relay.Endpoint));
            }

            // The sockets beyond the per-client limit (100 by default) are refused at once with 421 4.7.0.
            string? refused = await ReadLineAsync(idle[^1]);
            Assert.StartsWith("421 4.7.0 too many connections from 127.0.0.1", refused, StringComparison.Ordinal);
            await WaitUntilAsync(() => relay.Server.SessionCount == 100, "100 sessions from 127.0.0.1");

            var clock = Stopwatch.StartNew();
            using var client = await ConnectAsync(IPAddress.Parse("127.0.0.2"), relay.Endpoint);
            Assert.StartsWith("220 ", await ReadLineAsync(client), StringComparison.Ordinal);
            await client.SendAsync("EHLO client.signet.test\r\n"u8.ToArray());
            Assert.StartsWith("250", await ReadLineAsync(client), StringComparison.Ordinal);
            Assert.True(clock.Elapsed < Prompt, $"the new client waited {clock.Elapsed}");
        }
        finally
        {
            idle.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task ConnectionsOverTheTotal_AreRefusedWith421AndClosed()
    {
        await using var relay = await RelayHarness.StartAsync(o => o with { MaximumSessions = 3 });
        var open = new List<Socket>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                open.Add(await ConnectAsync(IPAddress.Parse($"127.0.1.{i + 1}"), relay.Endpoint));
                Assert.StartsWith("220 ", await ReadLineAsync(open[^1]), StringComparison.Ordinal);
            }

            using var over = await ConnectAsync(IPAddress.Parse("127.0.1.9"), relay.Endpoint);

            Assert.StartsWith("421 4.7.0 too many connections (the limit is 3)", await ReadLineAsync(over), StringComparison.Ordinal);
            Assert.Null(await ReadLineAsync(over));
        }
        finally
        {
            open.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task SilentClient_IsClosedAfterTheSilentTimeout_ButOneThatSpokeIsKept()
    {
        await using var relay = await RelayHarness.StartAsync(o => o with { SilentClientTimeout = TimeSpan.FromSeconds(1) });
        using var silent = await ConnectAsync(IPAddress.Loopback, relay.Endpoint);
        using var talking = await ConnectAsync(IPAddress.Loopback, relay.Endpoint);
        Assert.StartsWith("220 ", await ReadLineAsync(silent), StringComparison.Ordinal);
        Assert.StartsWith("220 ", await ReadLineAsync(talking), StringComparison.Ordinal);
        await talking.SendAsync("NOOP\r\n"u8.ToArray());
        Assert.StartsWith("250", await ReadLineAsync(talking), StringComparison.Ordinal);

        Assert.StartsWith("421 4.4.2", await ReadLineAsync(silent), StringComparison.Ordinal);
        Assert.Null(await ReadLineAsync(silent));
        await talking.SendAsync("NOOP\r\n"u8.ToArray());
        Assert.StartsWith("250", await ReadLineAsync(talking), StringComparison.Ordinal);
    }

    private static async Task<Socket> ConnectAsync(IPAddress from, IPEndPoint to)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(to);
        return socket;
    }

    /// <summary>One reply line, or null when the server closed; fails after <see cref="Prompt"/>.</summary>
    private static async Task<string?> ReadLineAsync(Socket socket)
    {
        using var deadline = new CancellationTokenSource(Prompt);
        var line = new StringBuilder();
        byte[] one = new byte[1];
        while (true)
        {
            int read = await socket.ReceiveAsync(one, SocketFlags.None, deadline.Token);
            if (read == 0)
            {
                return line.Length == 0 ? null : line.ToString();
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Prompt;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(20);
        }
    }
}
