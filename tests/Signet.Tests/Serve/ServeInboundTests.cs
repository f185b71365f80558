using System.Text;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>Mail from clients that are not ours is verified and gets our Authentication-Results. Here serve's
/// internal networks are set to 192.0.2.0/24 only, so Postfix's loopback client counts as an outside sender (as an
/// unauthenticated client from the Internet would); nothing is signed.</summary>
[Collection(MailFlowGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class ServeInboundTests
{
    private const string Sender = "sender.example";

    [Fact]
    public async Task Serve_InboundGoodBadNoneAndForged_GetTheRightAuthenticationResults()
    {
        using var keys = new TemporaryDirectory();
        string keyFile = keys.File("s1.pem");
        await Cli("keygen", "--algorithm", "rsa", "--out", keyFile);
        string record = Encoding.UTF8.GetString(await Cli("dns-record", "--key", keyFile, "--domain", Sender, "--selector", "s1", "--format", "zone")).Trim();
        await using var flow = await MailFlow.StartAsync(
            ["example.com"],
            arguments: ["--internal-network", "192.0.2.0/24"],
            extraZones: new Dictionary<string, IReadOnlyList<string>> { [Sender] = [record] });

        byte[] good = await SignAsync(MailFlow.Message($"Dave <dave@{Sender}>", "inbound good"), keyFile);
        byte[] bad = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(await SignAsync(MailFlow.Message($"Dave <dave@{Sender}>", "inbound bad"), keyFile))
            .Replace("Hello from the mail flow.", "Hello from somebody else.", StringComparison.Ordinal));
        string forged = MailFlow.Message($"Dave <dave@{Sender}>", "inbound forged",
            extraHeaders: $"Authentication-Results: {ServeKeys.HostName}; dkim=pass header.d=example.com\nAuthentication-Results: relay.example.net; dkim=pass header.d={Sender}\n");

        await SendAsync(flow, good);
        await SendAsync(flow, bad);
        await SendAsync(flow, Encoding.ASCII.GetBytes(MailFlow.Message($"Dave <dave@{Sender}>", "inbound none").ReplaceLineEndings("\r\n")));
        await SendAsync(flow, Encoding.ASCII.GetBytes(forged.ReplaceLineEndings("\r\n")));

        Assert.Matches(@"^mx\.signet\.test; dkim=pass .*header\.d=sender\.example", Ours(await flow.ReceivedAsync("inbound good")));
        Assert.Matches(@"^mx\.signet\.test; dkim=fail .*header\.d=sender\.example", Ours(await flow.ReceivedAsync("inbound bad")));
        Assert.Contains("dkim=none", Ours(await flow.ReceivedAsync("inbound none")), StringComparison.Ordinal);
        var forgedReceived = await flow.ReceivedAsync("inbound forged");
        string ours = Ours(forgedReceived);
        Assert.Contains("dkim=none", ours, StringComparison.Ordinal);
        Assert.DoesNotContain("header.d=example.com", ours, StringComparison.Ordinal);
        Assert.Contains(ResultsFields(forgedReceived), field => field.StartsWith("relay.example.net;", StringComparison.Ordinal));
        foreach (var message in flow.Sink.Messages)
        {
            Assert.DoesNotContain("d=example.com;", message.Text, StringComparison.Ordinal);
            Assert.False(message.Text.StartsWith("DKIM-Signature:", StringComparison.Ordinal) && !message.Text.Contains($"d={Sender};", StringComparison.Ordinal));
        }
    }

    /// <summary>The one Authentication-Results field with our authserv-id (a forged one would make two).</summary>
    private static string Ours(SmtpSinkMessage message) =>
        Assert.Single(ResultsFields(message), field => field.StartsWith(ServeKeys.HostName + ";", StringComparison.OrdinalIgnoreCase));

    private static List<string> ResultsFields(SmtpSinkMessage message)
    {
        string header = message.Text[..message.Text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        string unfolded = header.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        return unfolded.Split("\r\n")
            .Where(line => line.StartsWith("Authentication-Results:", StringComparison.OrdinalIgnoreCase))
            .Select(line => line["Authentication-Results:".Length..].Trim())
            .ToList();
    }

    private static async Task SendAsync(MailFlow flow, byte[] message)
    {
        var sent = await SmtpTestClient.SendAsync(flow.Postfix.SmtpEndpoint, $"dave@{Sender}", ["bob@example.net"], message, CancellationToken.None);
        Assert.True(sent.Accepted, string.Join(" | ", sent.Replies));
    }

    private static Task<byte[]> SignAsync(string message, string keyFile) =>
        CliWithInput(Encoding.ASCII.GetBytes(message.ReplaceLineEndings("\r\n")), "sign", "--domain", Sender, "--key", keyFile, "--selector", "s1");

    private static Task<byte[]> Cli(params string[] args) => CliWithInput([], args);

    private static async Task<byte[]> CliWithInput(byte[] input, params string[] args)
    {
        var run = await CliRun.RunWithInput(input, args);
        Assert.True(run.ExitCode == 0, $"signet {string.Join(' ', args)} exited with {run.ExitCode}: {run.Error}");
        return run.Output;
    }
}
