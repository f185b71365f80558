using Signet.Testing;

namespace Signet.Tests.Mta;

/// <summary>Exim from Debian (exim4-daemon-light) has no milter: it hands mail to serve's SMTP relay with the router
/// and transport of docs/exim.md, and the relay passes it on signed to its next hop (an SMTP sink here, Exim's
/// second listener in the documented setup).</summary>
[Trait("Tier", "Integration")]
public sealed class EximRelayTests
{
    /// <summary>The relay port the documented transport names; the test puts serve's free port in its place.</summary>
    private const string DocumentedPort = "port = 10025";

    [Fact]
    public async Task Exim_WithTheDocumentedRouterAndTransport_DeliversMailSignedThroughTheRelay()
    {
        int relayPort = LoopbackPorts.FindFreeTcpAndUdpPort();
        await using var flow = await MtaFlow.StartAsync("example.com", ["--relay", $"127.0.0.1:{relayPort}", "--next-hop", "{sink}"]);
        var blocks = DocumentedConfiguration.Blocks("exim.md", "exim");
        Assert.True(blocks.Count == 2, "docs/exim.md has two ```exim blocks: the router, then the transport");
        Assert.Contains(DocumentedPort, blocks[1].Select(line => line.Trim()));
        var transport = blocks[1].Select(line => line.Replace(DocumentedPort, $"port = {relayPort}", StringComparison.Ordinal)).ToList();
        await using var exim = await EximServer.StartAsync(blocks[0], transport, CancellationToken.None);
        byte[] message = MtaFlow.Message("through exim");

        var sent = await SmtpTestClient.SendAsync(exim.SmtpEndpoint, "alice@example.com", ["bob@example.net"], message, CancellationToken.None);

        Assert.True(sent.Accepted, string.Join(" | ", sent.Replies));
        var received = await flow.ReceivedAsync("through exim", exim.DescribeAsync);
        Assert.StartsWith("DKIM-Signature:", received.Text, StringComparison.Ordinal);
        Assert.Contains("d=example.com;", received.Text, StringComparison.Ordinal);
        Assert.Contains("by mx.signet.test with esmtp (Exim 4", received.Text, StringComparison.Ordinal);
        var verdict = Assert.Single(await ExternalTools.DkimpyVerifyAsync(flow.Dns.Endpoint, [received.Data]));
        Assert.StartsWith("pass ", verdict, StringComparison.Ordinal);
    }
}
