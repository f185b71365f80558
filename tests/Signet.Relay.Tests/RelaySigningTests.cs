using System.Text;
using Signet.Dkim.DnsText;
using Signet.Dkim.Keys;
using Signet.Dkim.Signing;
using Signet.Relay.Tests.Support;
using Signet.Testing;

namespace Signet.Relay.Tests;

[Trait("Tier", "Integration")]
public sealed class RelaySigningTests
{
    private const string Swaks = "/usr/bin/swaks";

    [Fact]
    public async Task Swaks_OutboundMessage_IsSignedWithEveryKeyAndVerifiesWithDkimpy()
    {
        ExternalProgram.Require(Swaks, "swaks");
        var rsa = new DkimSigningRequest(TestKeys.Rsa2048, "relay.example", "r1");
        var ed25519 = new DkimSigningRequest(TestKeys.Ed25519, "relay.example", "e1");
        await using var dns = await AuthoritativeDnsServer.StartAsync("relay.example",
            [KeyLine("r1", TestKeys.Rsa2048), KeyLine("e1", TestKeys.Ed25519)], CancellationToken.None);
        await using var relay = await RelayHarness.StartAsync(policy: FixedSigningPolicy.SignWith(rsa, ed25519));
        byte[] sent = Encoding.ASCII.GetBytes(TestMessages.Simple.Replace("football.example.com", "relay.example", StringComparison.Ordinal)
            + ".a line that starts with a dot\r\n..two dots\r\nend\r\n");
        string file = Path.GetTempFileName();
        // swaks sends the file as the DATA content, dot-stuffed; ending it with the final dot stops swaks adding a line.
        await File.WriteAllBytesAsync(file, [.. sent, .. ".\r\n"u8]);
        try
        {
            var (exitCode, output) = await ExternalProgram.RunAsync(Swaks,
                ["--server", "127.0.0.1", "--port", relay.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "--from", "joe@relay.example", "--to", "suzie@shopping.example.net", "--data", file, "--helo", "client.signet.test"],
                TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, output);
        }
        finally
        {
            File.Delete(file);
        }

        var delivered = (await relay.Sink!.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0];
        var (header, _) = TestMessages.Split(delivered.Data);
        Assert.Equal(["DKIM-Signature", "DKIM-Signature"], header.Fields.Take(2).Select(f => f.Name));
        Assert.Equal(sent, delivered.Data.AsSpan(header.Fields[0].Raw.Length + header.Fields[1].Raw.Length).ToArray());
        Assert.Equal([true, true], await Dkimpy.VerifyAsync(delivered.Data, dns.Endpoint));
    }

    [Fact]
    public async Task Inbound_SignedMessage_GetsAuthenticationResultsAndLosesForgedOnes()
    {
        await using var relay = await RelayHarness.StartAsync(mail: RelayHarness.Mail with { InternalNetworks = [] });
        string forged = "Authentication-Results: relay.signet.test; dkim=pass header.d=football.example.com\r\n";
        string foreign = "Authentication-Results: other.example; dkim=fail\r\n";
        byte[] unsigned = Encoding.ASCII.GetBytes(forged + foreign + TestMessages.Simple);
        var (header, body) = TestMessages.Split(unsigned);
        Assert.True(DkimSigner.TryCreate([RelayHarness.Request], null, out var signer, out _));
        byte[] sent = TestMessages.Prepend(signer.Sign(header, body), unsigned);

        var result = await SmtpTestClient.SendAsync(relay.Endpoint, "joe@football.example.com", ["suzie@shopping.example.net"], sent, CancellationToken.None);

        Assert.True(result.Accepted, result.FinalReply);
        var delivered = (await relay.Sink!.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0];
        string text = delivered.Text;
        Assert.StartsWith("Authentication-Results: relay.signet.test;", text, StringComparison.Ordinal);
        Assert.Contains("dkim=pass", text.Split("\r\n\r\n")[0], StringComparison.Ordinal);
        Assert.DoesNotContain(forged, text, StringComparison.Ordinal);
        Assert.Contains(foreign, text, StringComparison.Ordinal);
        byte[] expected = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(sent).Replace(forged, string.Empty, StringComparison.Ordinal));
        int added = TestMessages.Split(delivered.Data).Header.Fields[0].Raw.Length;
        Assert.Equal(expected, delivered.Data.AsSpan(added).ToArray());
    }

    [Fact]
    public async Task Outbound_SigningPolicyUnavailable_AnswersTempFailAndDeliversNothing()
    {
        await using var relay = await RelayHarness.StartAsync(policy: FixedSigningPolicy.Unavailable());

        var result = await SmtpTestClient.SendAsync(relay.Endpoint, "joe@football.example.com", ["suzie@shopping.example.net"],
            Encoding.ASCII.GetBytes(TestMessages.Simple), CancellationToken.None);

        Assert.StartsWith("451 4.7.1", result.FinalReply, StringComparison.Ordinal);
        // The relay answers DATA only after the next hop has answered: a refused message was never handed on.
        Assert.Empty(relay.Sink!.Messages);
    }

    [Fact]
    public async Task XForward_FromMtaInFront_ClassifiesByTheOriginalClient()
    {
        var policy = FixedSigningPolicy.SignWith(RelayHarness.Request);
        await using var relay = await RelayHarness.StartAsync(policy: policy);
        await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);
        Assert.Contains("XFORWARD", client.Capabilities, StringComparison.Ordinal);

        Assert.StartsWith("250", await client.CommandAsync("XFORWARD ADDR=192.0.2.7 NAME=mail.example.org"));
        var replies = await client.SendAsync("joe@football.example.com", ["suzie@shopping.example.net"], Encoding.ASCII.GetBytes(TestMessages.Simple));

        Assert.StartsWith("250", replies[^1]);
        var delivered = (await relay.Sink!.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0];
        Assert.StartsWith("Authentication-Results: relay.signet.test;", delivered.Text, StringComparison.Ordinal);
        Assert.Null(policy.LastContext);
    }

    private static string KeyLine(string selector, DkimPrivateKey key) =>
        $"{selector}._domainkey IN TXT " + string.Join(" ", DkimDnsTextFormatter.Split(DkimKeyRecord.Format(key.PublicKey)).Select(s => "\"" + s + "\""));
}
