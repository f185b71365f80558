using Signet.Dkim.Verification;
using Signet.Relay.Tests.Support;
using Signet.Testing;

namespace Signet.Relay.Tests;

/// <summary>SMTP pipelining (RFC 2920): a client may send MAIL, its RCPTs and DATA in one write. Each command is still
/// answered in order with the next hop's own answer, and a client that does not wait gains nothing it should not have.</summary>
public sealed class RelayPipeliningTests
{
    private const string From = "joe@football.example.com";

    [Fact]
    public async Task Ehlo_OffersPipelining()
    {
        await using var relay = await RelayHarness.StartAsync();
        await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);

        Assert.Contains(client.Capabilities.Split('\n'), line => line is "250-PIPELINING" or "250 PIPELINING");
    }

    [Fact]
    public async Task PipelinedTransaction_EachCommandGetsItsAnswerInOrderAndTheMessageIsSigned()
    {
        await using var relay = await RelayHarness.StartAsync();
        relay.Sink!.RecipientReplies["nobody@"] = "550 5.1.1 no such user";
        await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);

        await client.WriteAsync($"MAIL FROM:<{From}>\r\nRCPT TO:<suzie@shopping.example.net>\r\nRCPT TO:<nobody@shopping.example.net>\r\n"
            + "RCPT TO:<sam@shopping.example.net>\r\nDATA\r\n");
        string[] group = [await client.ReadReplyAsync(), await client.ReadReplyAsync(), await client.ReadReplyAsync(),
            await client.ReadReplyAsync(), await client.ReadReplyAsync()];

        Assert.StartsWith("250 2.1.0", group[0], StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5", group[1], StringComparison.Ordinal);
        Assert.Equal("550 5.1.1 no such user", group[2]);
        Assert.StartsWith("250 2.1.5", group[3], StringComparison.Ordinal);
        Assert.StartsWith("354", group[4], StringComparison.Ordinal);
        await client.WriteAsync(TestMessages.Simple + ".\r\n");
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        var delivered = (await relay.Sink.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0];
        Assert.Equal(["suzie@shopping.example.net", "sam@shopping.example.net"], delivered.Recipients);
        Assert.StartsWith("DKIM-Signature:", delivered.Text, StringComparison.Ordinal);
        Assert.Equal(DkimResultStatus.Pass, Assert.Single(await relay.VerifyAsync(delivered.Data)).Status);
    }

    [Fact]
    public async Task PipelinedGroupWhoseRecipientsAreAllRefused_DataIsRefusedAndContentSentWithoutWaitingIsNotRelayed()
    {
        await using var relay = await RelayHarness.StartAsync();
        relay.Sink!.RecipientReplies["nobody@"] = "550 5.1.1 no such user";
        await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);

        // A client that does not wait for 354 sends the message as if it had been accepted.
        await client.WriteAsync($"MAIL FROM:<{From}>\r\nRCPT TO:<nobody@shopping.example.net>\r\nDATA\r\n"
            + "From: <joe@football.example.com>\r\nSubject: not for relaying\r\n\r\nbody\r\n.\r\nNOOP\r\n");

        Assert.StartsWith("250 2.1.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Equal("550 5.1.1 no such user", await client.ReadReplyAsync());
        Assert.StartsWith("554 5.5.1", await client.ReadReplyAsync(), StringComparison.Ordinal);
        // The content's lines are commands now, each refused; the NOOP after them is answered, so all were read.
        var rest = new List<string>();
        while (!(rest.Count > 0 && rest[^1].StartsWith("250 2.0.0 ok", StringComparison.Ordinal)))
        {
            rest.Add(await client.ReadReplyAsync());
            Assert.True(rest.Count <= 6, "more replies than lines sent:\n" + string.Join('\n', rest));
        }

        Assert.All(rest[..^1], reply => Assert.Matches("^5[0-9][0-9] ", reply));
        Assert.StartsWith("250", await client.CommandAsync("RSET"), StringComparison.Ordinal);
        Assert.Empty(relay.Sink.Messages);
    }

    [Fact]
    public async Task CommandAfterAPipelinedRefusal_IsAnsweredByTheStateItLeft()
    {
        await using var relay = await RelayHarness.StartAsync();
        await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);

        // A malformed MAIL in the middle of a group: the RCPT and DATA after it are out of sequence.
        await client.WriteAsync("MAIL FROM:joe\r\nRCPT TO:<suzie@shopping.example.net>\r\nDATA\r\n");

        Assert.StartsWith("501", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("503", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("503", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Empty(relay.Sink!.Messages);
    }
}
