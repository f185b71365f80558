using System.Diagnostics;
using Signet.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Signet.Reliability.Tests.Faults;

/// <summary>serve on PostgreSQL while the database goes away and comes back: signing follows the configured failure
/// action (tempfail by default, so nothing leaves unsigned), verification goes on without the store, and signing
/// resumes after the restart without restarting serve.</summary>
[Collection(FaultGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class PostgresFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PastThePollInterval = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Serve_PostgresStopped_OutboundTempfailedInboundStillVerifiedAndSigningResumesAfterRestart()
    {
        await using var pg = await PostgresMailFlow.StartAsync();
        var flow = pg.Flow;
        Assert.True((await flow.SendAsync("alice@example.com", "bob@example.net", MailFlow.Message("Alice <alice@example.com>", "before the outage"))).Accepted);
        Assert.Contains("d=example.com;", (await flow.ReceivedAsync("before the outage")).Text, StringComparison.Ordinal);

        await pg.Postgres.StopAsync(CancellationToken.None);
        await Task.Delay(PastThePollInterval);
        var outbound = await flow.SendAsync("alice@example.com", "bob@example.net", MailFlow.Message("Alice <alice@example.com>", "during the outage"));
        string inbound = await pg.SendFromOutsideAsync("inbound during the outage");
        var verified = await flow.ReceivedAsync("inbound during the outage");
        var health = await HealthAsync(flow);
        await pg.Postgres.StartAgainAsync(CancellationToken.None);
        await Task.Delay(PastThePollInterval);
        var after = await flow.SendAsync("alice@example.com", "bob@example.net", MailFlow.Message("Alice <alice@example.com>", "after the outage"));

        Assert.True(outbound.TemporarilyRefused, "outbound during the outage: " + string.Join(" | ", outbound.Replies) + "\nserve:\n" + flow.Serve!.Output);
        Assert.DoesNotContain(flow.Sink.Messages, m => m.Text.Contains("Subject: during the outage", StringComparison.Ordinal));
        Assert.StartsWith("250", inbound, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^Authentication-Results: mx\.signet\.test;\s+dkim=pass .*header\.d={PostgresMailFlow.ExternalDomain}", verified.Text);
        output.WriteLine("health during the outage: " + health);
        Assert.True(after.Accepted, "after the restart: " + string.Join(" | ", after.Replies) + "\nserve:\n" + flow.Serve!.Output);
        Assert.Contains("d=example.com;", (await flow.ReceivedAsync("after the outage")).Text, StringComparison.Ordinal);
        Assert.Contains("store is unavailable", flow.Serve!.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PostgresStoppedAndFailureActionAccept_OutboundPassesUnsigned()
    {
        await using var pg = await PostgresMailFlow.StartAsync(new Dictionary<string, string> { ["SIGNET_MILTER__SIGNINGFAILUREACTION"] = "Accept" });
        var flow = pg.Flow;

        await pg.Postgres.StopAsync(CancellationToken.None);
        await Task.Delay(PastThePollInterval);
        var outbound = await flow.SendAsync("alice@example.com", "bob@example.net", MailFlow.Message("Alice <alice@example.com>", "accepted unsigned"));

        Assert.True(outbound.Accepted, string.Join(" | ", outbound.Replies));
        var received = await flow.ReceivedAsync("accepted unsigned");
        Assert.DoesNotContain("DKIM-Signature:", received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PostgresRestartedUnderLoad_MessagesBetweenTempfailedThenAllDeliveredOnceAndSigned()
    {
        const int Count = 400;
        await using var pg = await PostgresMailFlow.StartAsync();
        var flow = pg.Flow;
        var sender = new RetryingSender(flow.Postfix.SmtpEndpoint, "alice@example.com", connections: 4);
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();

        await sender.SendAsync("pgrestart", Count, rate: 80, TimeSpan.FromMinutes(3), accepted =>
        {
            if (accepted == Count / 4 && restarted.TrySetResult())
            {
                return RestartAsync(pg);
            }

            return Task.CompletedTask;
        });
        var count = await SinkCount.WaitAsync(flow.Sink, "pgrestart", Count, "example.com", TimeSpan.FromMinutes(1), () => flow.Postfix.FlushAsync(CancellationToken.None));

        string summary = $"PostgreSQL restarted (3 s down) during {Count} messages at 80/s: {sender.TemporarilyRefused} tempfailed replies; {count}; {clock.Elapsed.TotalSeconds:0.0} s";
        output.WriteLine(summary);
        Assert.True(count.NothingLost, summary + "\nserve:\n" + flow.Serve!.Output);
        Assert.True(sender.TemporarilyRefused > 0, "no message met the outage: " + summary);
    }

    private static async Task RestartAsync(PostgresMailFlow pg)
    {
        await pg.Postgres.StopAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await pg.Postgres.StartAgainAsync(CancellationToken.None);
    }

    private static async Task<string> HealthAsync(MailFlow flow)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(flow.Serve!.HealthUrl);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }
}
