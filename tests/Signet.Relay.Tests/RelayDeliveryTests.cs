using System.Net;
using System.Text;
using Signet.Dkim.Verification;
using Signet.Relay.Tests.Support;
using Signet.Testing;

namespace Signet.Relay.Tests;

/// <summary>Nothing is lost: the client hears 250 only after the next hop took the message, and every refusal or
/// failure of the next hop reaches the client as the same kind of reply.</summary>
[Trait("Tier", "Integration")]
public sealed class RelayDeliveryTests
{
    private static readonly byte[] Message = Encoding.ASCII.GetBytes(TestMessages.Simple);

    [Fact]
    public async Task NextHopDown_ClientGetsTempFailAndKeepsTheMessage()
    {
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var unreachable = (IPEndPoint)closed.LocalEndpoint;
        closed.Stop();
        await using var relay = await RelayHarness.StartAsync(nextHop: unreachable);

        var result = await SmtpTestClient.SendAsync(relay.Endpoint, "joe@football.example.com", ["suzie@shopping.example.net"], Message, CancellationToken.None);

        Assert.StartsWith("451 4.4.1", result.FinalReply, StringComparison.Ordinal);
        Assert.True(result.TemporarilyRefused);
    }

    [Fact]
    public async Task NextHopSilent_ClientGetsTempFailWithinTheTimeout()
    {
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var relay = await RelayHarness.StartAsync(options => options with { NextHopTimeout = TimeSpan.FromSeconds(1) },
            nextHop: (IPEndPoint)silent.LocalEndpoint);

        var result = await SmtpTestClient.SendAsync(relay.Endpoint, "joe@football.example.com", ["suzie@shopping.example.net"], Message, CancellationToken.None);

        Assert.StartsWith("451 4.4.2", result.FinalReply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("451 4.3.0 try again later")]
    [InlineData("554 5.7.1 message refused")]
    public async Task NextHopRefusesData_ClientGetsTheSameReply(string reply)
    {
        await using var relay = await RelayHarness.StartAsync();
        relay.Sink!.DataReply = reply;

        var result = await SmtpTestClient.SendAsync(relay.Endpoint, "joe@football.example.com", ["suzie@shopping.example.net"], Message, CancellationToken.None);

        Assert.Equal(reply, result.FinalReply);
        Assert.Empty(relay.Sink.Messages);
    }

    [Fact]
    public async Task OneOfTwoRecipientsRefused_ThatRecipientGetsTheNextHopsReplyAndTheOtherTheMessage()
    {
        await using var relay = await RelayHarness.StartAsync();
        relay.Sink!.RecipientReplies["nobody@"] = "550 5.1.1 no such user";

        var result = await SmtpTestClient.SendAsync(relay.Endpoint, "joe@football.example.com",
            ["suzie@shopping.example.net", "nobody@shopping.example.net"], Message, CancellationToken.None);

        Assert.True(result.Accepted, result.FinalReply);
        Assert.Contains("550 5.1.1 no such user", result.Replies);
        var delivered = (await relay.Sink.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0];
        Assert.Equal(["suzie@shopping.example.net"], delivered.Recipients);
        Assert.Equal("joe@football.example.com", delivered.MailFrom);
    }

    [Fact]
    public async Task MessageOverTheSizeLimit_IsRefusedWith552AndNotForwarded()
    {
        await using var relay = await RelayHarness.StartAsync(options => options with { MaximumMessageSize = 2048 });
        await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);
        Assert.Contains("SIZE 2048", client.Capabilities, StringComparison.Ordinal);

        string declared = await client.CommandAsync("MAIL FROM:<joe@football.example.com> SIZE=4096");
        byte[] large = Encoding.ASCII.GetBytes(TestMessages.Simple + new string('x', 70) + "\r\n" + string.Concat(Enumerable.Repeat(new string('y', 70) + "\r\n", 50)));
        var replies = await client.SendAsync("joe@football.example.com", ["suzie@shopping.example.net"], large);

        Assert.StartsWith("552 5.3.4", declared, StringComparison.Ordinal);
        Assert.StartsWith("552 5.3.4", replies[^1], StringComparison.Ordinal);
        Assert.StartsWith("250", await client.CommandAsync("NOOP"));
        Assert.Empty(relay.Sink!.Messages);
    }

    [Fact]
    public async Task EnvelopeExtensions_AreForwardedWhenTheNextHopOffersThem()
    {
        await using var relay = await RelayHarness.StartAsync();
        await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);

        var replies = await client.SendAsync("jöe@football.example.com", ["süzie@shopping.example.net"], new MemoryStream(Message),
            " SIZE=400 BODY=8BITMIME SMTPUTF8");

        Assert.StartsWith("250", replies[^1]);
        var delivered = (await relay.Sink!.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0];
        Assert.Equal("jöe@football.example.com", delivered.MailFrom);
        Assert.Equal(["süzie@shopping.example.net"], delivered.Recipients);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task PostfixAsNextHop_TakesTheSignedMessageAndDeliversIt()
    {
        await using var sink = SmtpSink.Start();
        await using var postfix = await PostfixInstance.StartAsync(new PostfixSettings(sink.Endpoint), CancellationToken.None);
        await using var relay = await RelayHarness.StartAsync(nextHop: postfix.SmtpEndpoint);

        var result = await SmtpTestClient.SendAsync(relay.Endpoint, "joe@football.example.com", ["suzie@shopping.example.net"], Message, CancellationToken.None);

        Assert.True(result.Accepted, result.FinalReply);
        Assert.Contains("queued as", result.FinalReply, StringComparison.Ordinal);
        var delivered = (await sink.WaitForAsync(1, TimeSpan.FromSeconds(30)))[0];
        var results = await relay.VerifyAsync(delivered.Data);
        Assert.Equal(DkimResultStatus.Pass, Assert.Single(results).Status);
        Assert.EndsWith(TestMessages.Simple, delivered.Text, StringComparison.Ordinal);
    }
}
