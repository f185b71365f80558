using System.Text;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>The private Postfix the mail-flow tests run: it relays to the sink, and with its milter unreachable it
/// answers 4xx and delivers nothing (milter_default_action = tempfail), which is what keeps mail from leaving
/// unsigned when Signet is down.</summary>
[Trait("Tier", "Integration")]
public class PostfixFixtureTests
{
    private static readonly byte[] Message = Encoding.ASCII.GetBytes(
        "From: Alice <alice@example.com>\r\nTo: Bob <bob@example.net>\r\nSubject: hi\r\n\r\nHello.\r\n");

    [Fact]
    public async Task Postfix_WithoutMilter_RelaysToTheNextHop()
    {
        await using var sink = SmtpSink.Start();
        await using var postfix = await PostfixInstance.StartAsync(new PostfixSettings(sink.Endpoint), CancellationToken.None);

        var result = await SmtpTestClient.SendAsync(postfix.SmtpEndpoint, "alice@example.com", ["bob@example.net"], Message, CancellationToken.None);

        Assert.True(result.Accepted, string.Join(" | ", result.Replies));
        var delivered = Assert.Single(await sink.WaitForAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Contains("Subject: hi", delivered.Text);
        Assert.Equal(["bob@example.net"], delivered.Recipients);
    }

    [Fact]
    public async Task Postfix_MilterDown_TempfailsAndDeliversNothing()
    {
        await using var sink = SmtpSink.Start();
        int unusedPort = LoopbackPorts.FindFreeTcpAndUdpPort();
        var settings = new PostfixSettings(sink.Endpoint) { Milter = $"inet:127.0.0.1:{unusedPort}" };
        await using var postfix = await PostfixInstance.StartAsync(settings, CancellationToken.None);

        var result = await SmtpTestClient.SendAsync(postfix.SmtpEndpoint, "alice@example.com", ["bob@example.net"], Message, CancellationToken.None);

        Assert.True(result.TemporarilyRefused, string.Join(" | ", result.Replies));
        // Nothing queued, so nothing can be delivered later.
        Assert.Contains("Mail queue is empty", await postfix.QueueAsync(CancellationToken.None), StringComparison.Ordinal);
        Assert.Empty(sink.Messages);
    }
}
