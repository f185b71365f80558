using Signet.Testing;

namespace Signet.Tests.Mta;

/// <summary>Sendmail from Debian (sendmail-bin, sendmail.cf built with m4 from sendmail-cf) calling serve's milter
/// with the INPUT_MAIL_FILTER line of docs/sendmail.md: mail comes out signed and verifies, and with serve down
/// Sendmail tempfails (F=T) instead of passing mail on unsigned.</summary>
[Trait("Tier", "Integration")]
public sealed class SendmailMilterTests
{
    /// <summary>The port the documented line names; the test puts serve's free port in its place.</summary>
    private const string DocumentedPort = "8891";

    [Fact]
    public async Task Sendmail_WithTheDocumentedMilterLine_DeliversMailSignedThatVerifies()
    {
        await using var flow = await MtaFlow.StartAsync("example.com", []);
        await using var sendmail = await SendmailServer.StartAsync(MilterLines(flow.Serve.MilterPort), flow.Sink.Endpoint, CancellationToken.None);
        byte[] message = MtaFlow.Message("through sendmail");

        var sent = await SmtpTestClient.SendAsync(sendmail.SmtpEndpoint, "alice@example.com", ["bob@example.net"], message, CancellationToken.None);

        Assert.True(sent.Accepted, string.Join(" | ", sent.Replies));
        var received = await flow.ReceivedAsync("through sendmail", sendmail.DescribeQueueAsync);
        Assert.Contains("\r\nDKIM-Signature:", "\r\n" + received.Text, StringComparison.Ordinal);
        Assert.Contains("d=example.com;", received.Text, StringComparison.Ordinal);
        Assert.Contains("by mx.signet.test (8.17", received.Text, StringComparison.Ordinal);
        var verdict = Assert.Single(await ExternalTools.DkimpyVerifyAsync(flow.Dns.Endpoint, [received.Data]));
        Assert.StartsWith("pass ", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sendmail_WhenServeIsDown_TempfailsInsteadOfDeliveringUnsigned()
    {
        await using var flow = await MtaFlow.StartAsync("example.com", []);
        await using var sendmail = await SendmailServer.StartAsync(MilterLines(flow.Serve.MilterPort), flow.Sink.Endpoint, CancellationToken.None);
        await flow.Serve.StopAsync(TimeSpan.FromSeconds(30));

        var sent = await SmtpTestClient.SendAsync(sendmail.SmtpEndpoint, "alice@example.com", ["bob@example.net"], MtaFlow.Message("while serve is down"), CancellationToken.None);

        Assert.True(sent.TemporarilyRefused, string.Join(" | ", sent.Replies));
        Assert.Empty(flow.Sink.Messages);
    }

    private static IReadOnlyList<string> MilterLines(int milterPort)
    {
        var lines = DocumentedConfiguration.Blocks("sendmail.md", "m4").SelectMany(block => block).ToList();
        Assert.Contains(lines, line => line.StartsWith("INPUT_MAIL_FILTER(`signet', `S=inet:" + DocumentedPort + "@127.0.0.1", StringComparison.Ordinal));
        return [.. lines.Select(line => line.Replace("inet:" + DocumentedPort + "@", $"inet:{milterPort}@", StringComparison.Ordinal))];
    }
}
