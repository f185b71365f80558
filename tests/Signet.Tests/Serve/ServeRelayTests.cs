using System.Net;
using System.Text;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary><c>signet serve --relay --next-hop</c>: the SMTP relay runs beside the milter with the same keys and
/// policy; mail from an internal client comes out signed at the next hop, and dkimpy agrees.</summary>
[Trait("Tier", "Integration")]
public sealed class ServeRelayTests
{
    [Fact]
    public async Task Serve_WithRelay_SignsInternalMailAndForwardsItToTheNextHop()
    {
        await using var nextHop = SmtpSink.Start();
        int relayPort = LoopbackPorts.FindFreeTcpAndUdpPort();
        await using var flow = await MailFlow.StartAsync(["example.com"], arguments:
            ["--relay", $"127.0.0.1:{relayPort}", "--next-hop", nextHop.Endpoint.ToString()]);
        byte[] message = Encoding.ASCII.GetBytes(MailFlow.Message("Alice <alice@example.com>", "through the relay").ReplaceLineEndings("\r\n"));

        var sent = await SmtpTestClient.SendAsync(new IPEndPoint(IPAddress.Loopback, relayPort), "alice@example.com", ["bob@example.net"], message, CancellationToken.None);

        Assert.True(sent.Accepted, string.Join(" | ", sent.Replies) + "\n" + flow.Serve?.Output);
        var received = Assert.Single(await nextHop.WaitForAsync(1, TimeSpan.FromSeconds(30)));
        Assert.StartsWith("DKIM-Signature:", received.Text, StringComparison.Ordinal);
        Assert.Contains("d=example.com;", received.Text, StringComparison.Ordinal);
        Assert.EndsWith(Encoding.ASCII.GetString(message), received.Text, StringComparison.Ordinal);
        var verdict = Assert.Single(await ExternalTools.DkimpyVerifyAsync(flow.Dns.Endpoint, [received.Data]));
        Assert.StartsWith("pass ", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_RelayWithoutNextHop_FailsStartWithOneLine()
    {
        using var data = new TemporaryDirectory();

        var (code, _, error) = await ServeProcess.RunToEndAsync(["serve", "--data", data.Path, "--relay", "127.0.0.1:10025"]);

        Assert.Equal(2, code);
        Assert.Contains("Relay", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
