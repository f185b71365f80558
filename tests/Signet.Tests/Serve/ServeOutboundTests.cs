using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Signet.Testing;
using Xunit.Abstractions;

namespace Signet.Tests.Serve;

/// <summary>Mail from an internal client through Postfix and <c>signet serve</c> arrives signed, and independent
/// verifiers agree.</summary>
[Collection(MailFlowGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class ServeOutboundTests(OutboundMailFlow shared, ITestOutputHelper output)
{
    private MailFlow Flow => shared.Flow;

    [Fact]
    public async Task Serve_InternalClientFromProtectedDomain_ArrivesSignedAndDkimpyVerifiesIt()
    {
        var sent = await Flow.SendAsync("alice@example.com", "bob@example.net", MailFlow.Message("Alice <alice@example.com>", "outbound domain key"));

        Assert.True(sent.Accepted, string.Join(" | ", sent.Replies));
        var received = await Flow.ReceivedAsync("outbound domain key");
        Assert.StartsWith("DKIM-Signature:", received.Text, StringComparison.Ordinal);
        Assert.Contains("d=example.com;", received.Text, StringComparison.Ordinal);
        Assert.Contains("s=s1;", received.Text, StringComparison.Ordinal);
        var verdict = Assert.Single(await ExternalTools.DkimpyVerifyAsync(Flow.Dns.Endpoint, [received.Data]));
        Assert.StartsWith("pass ", verdict, StringComparison.Ordinal);
        var own = await VerifyWithSignetAsync(received.Data);
        Assert.Equal("pass", own.GetProperty("result").GetString());
        Assert.True(own.GetProperty("aligned").GetBoolean());
    }

    [Fact]
    public async Task Serve_FromDomainWithoutKeys_SignedWithServerKeyAsHostNameAndNotAligned()
    {
        var sent = await Flow.SendAsync("carol@other.example", "bob@example.net", MailFlow.Message("Carol <carol@other.example>", "outbound server key"));

        Assert.True(sent.Accepted, string.Join(" | ", sent.Replies));
        var received = await Flow.ReceivedAsync("outbound server key");
        Assert.Contains($"d={ServeKeys.HostName};", received.Text, StringComparison.Ordinal);
        var verdict = Assert.Single(await ExternalTools.DkimpyVerifyAsync(Flow.Dns.Endpoint, [received.Data]));
        Assert.StartsWith("pass ", verdict, StringComparison.Ordinal);
        var own = await VerifyWithSignetAsync(received.Data);
        Assert.Equal("pass", own.GetProperty("result").GetString());
        Assert.Equal(ServeKeys.HostName, own.GetProperty("domain").GetString());
        Assert.True(own.GetProperty("aligned").ValueKind == JsonValueKind.False, own.ToString());
    }

    [Fact]
    public async Task Serve_ThousandMessagesOverTenConnections_AllArriveSignedAndVerify()
    {
        const int Count = 1000;
        int before = Flow.Sink.Messages.Count;
        var clock = Stopwatch.StartNew();
        var (code, log) = await ExternalTools.RunAsync("/usr/sbin/smtp-source", TimeSpan.FromMinutes(2),
            "-s", "10", "-m", Count.ToString(), "-l", "2000", "-S", "load test", "-f", "alice@example.com", "-t", "bob@example.net",
            "-M", "client.signet.test", $"127.0.0.1:{Flow.Postfix.SmtpEndpoint.Port}");
        double submitted = clock.Elapsed.TotalSeconds;
        Assert.True(code == 0, $"smtp-source exited with {code}: {log}");
        var all = await Flow.Sink.WaitForAsync(before + Count, TimeSpan.FromMinutes(2));
        double delivered = clock.Elapsed.TotalSeconds;

        var load = all.Where(m => m.Text.Contains("Subject: load test\r\n", StringComparison.Ordinal)).ToList();
        Assert.Equal(Count, load.Count);
        int signed = load.Count(m => m.Text.StartsWith("DKIM-Signature:", StringComparison.Ordinal) && m.Text.Contains("d=example.com;", StringComparison.Ordinal));
        var verdicts = await ExternalTools.DkimpyVerifyAsync(Flow.Dns.Endpoint, load.Select(m => m.Data).ToList());
        int verified = verdicts.Count(v => v.StartsWith("pass ", StringComparison.Ordinal));
        string summary = $"load: {Count} messages over 10 SMTP connections: accepted in {submitted:0.0} s ({Count / submitted:0} msgs/s), " +
                         $"all delivered in {delivered:0.0} s ({Count / delivered:0} msgs/s end to end); delivered {load.Count}, signed {signed}, verified by dkimpy {verified}";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.Equal(Count, signed);
        Assert.True(verified == Count, string.Join("\n", verdicts.Where(v => !v.StartsWith("pass ", StringComparison.Ordinal)).Take(5)));
    }

    [Fact]
    public async Task Serve_MiltertestAndAnOversizedPacket_KeepsServingOthers()
    {
        var (code, log) = await ExternalTools.MiltertestAsync(Flow.Serve!.MilterPort, "serve.lua", TimeSpan.FromSeconds(60));

        Assert.True(code == 0, $"miltertest serve.lua exited with {code}:\n{log}");
        Assert.Contains("oversized packet refused", log, StringComparison.Ordinal);
        var sent = await Flow.SendAsync("alice@example.com", "bob@example.net", MailFlow.Message("Alice <alice@example.com>", "after miltertest"));
        Assert.True(sent.Accepted, string.Join(" | ", sent.Replies));
        Assert.Contains("d=example.com;", (await Flow.ReceivedAsync("after miltertest")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstRun_NoAdministrator_PrintsTheConsoleSetUpLinkOnStandardOutput()
    {
        Assert.Matches($@"(?m)^no administrator yet: open http://127\.0\.0\.1:{Flow.Serve!.HttpPort}/setup/[A-Za-z0-9_-]{{20,}}$", Flow.Serve.Output);
    }

    [Fact]
    public async Task Health_Running_ReportsStoreAndMilterAsJson()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(Flow.Serve!.HealthUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("ok", health.RootElement.GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("sqlite", health.RootElement.GetProperty("store").GetProperty("kind").GetString());
        Assert.Equal("ok", health.RootElement.GetProperty("milter").GetProperty("status").GetString());
        Assert.Equal($"127.0.0.1:{Flow.Serve.MilterPort}", health.RootElement.GetProperty("milter").GetProperty("endpoint").GetString());
    }

    private async Task<JsonElement> VerifyWithSignetAsync(byte[] message)
    {
        var run = await CliRun.RunWithInput(message, "verify", "--resolver", Flow.Dns.Endpoint.ToString(), "--json");
        Assert.True(run.ExitCode == 0, $"signet verify exited with {run.ExitCode}: {run.Error}{run.OutputText}");
        using var json = JsonDocument.Parse(run.OutputText);
        return Assert.Single(json.RootElement.GetProperty("signatures").EnumerateArray().ToList()).Clone();
    }
}
