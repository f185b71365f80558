using System.Diagnostics;
using System.Globalization;
using Signet.Reliability.Tests.Support;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Xunit.Abstractions;

namespace Signet.Reliability.Tests.Soak;

/// <summary>Mail at a steady rate through Postfix and serve's milter while serve's resident memory and open file
/// descriptors are sampled: nothing is lost, nothing leaves unsigned, and neither grows with the number of messages.
/// CI runs 500 messages; tests/soak/soak.sh runs as many as asked (SIGNET_SOAK_MESSAGES, SIGNET_SOAK_RATE).</summary>
[Collection(FaultGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Soak_SteadyRate_NothingLostAndNoGrowth()
    {
        int messages = Setting("SIGNET_SOAK_MESSAGES", 500);
        int rate = Setting("SIGNET_SOAK_RATE", 100);
        var sampleEvery = TimeSpan.FromSeconds(Setting("SIGNET_SOAK_SAMPLE_SECONDS", 2));
        await using var flow = await MailFlow.StartAsync(["example.com"], serverKey: false);
        int pid = flow.Serve!.ProcessId;
        var samples = new List<ProcessSample> { ProcessSample.Take(pid, TimeSpan.Zero) };
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(sampleEvery, CancellationToken.None);
                lock (samples)
                {
                    samples.Add(ProcessSample.Take(pid, clock.Elapsed));
                }
            }
        });

        var sender = new RetryingSender(flow.Postfix.SmtpEndpoint, "alice@example.com", connections: 8);
        await sender.SendAsync("soak", messages, rate, TimeSpan.FromSeconds(messages / (double)rate * 3 + 120));
        var count = await SinkCount.WaitAsync(flow.Sink, "soak", messages, "example.com", TimeSpan.FromMinutes(2), () => flow.Postfix.FlushAsync(CancellationToken.None));
        await stop.CancelAsync();
        await sampler;
        samples.Add(ProcessSample.Take(pid, clock.Elapsed));

        var trend = ProcessSample.Trend(samples);
        string report = $"soak: {messages} messages at {rate}/s over 8 connections in {clock.Elapsed.TotalSeconds:0} s; {count}; " +
                        $"{sender.TemporarilyRefused} tempfailed replies\n{trend}\n" + string.Join("\n", samples.Select(s => s.ToString()));
        output.WriteLine(report);
        Console.WriteLine(report);
        Assert.True(count.NothingLost, report);
        Assert.Equal(0, sender.TemporarilyRefused);
        Assert.True(trend.FileDescriptorGrowth <= 16, report);
        Assert.True(trend.ResidentGrowth < 0.5, report);
        await AssertNoKeyMaterialInTheOutputAsync(flow);
    }

    // serve logged every signing decision of the run: none of it may hold the private key.
    private static async Task AssertNoKeyMaterialInTheOutputAsync(MailFlow flow)
    {
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = flow.Data.Path }, CancellationToken.None);
        await using var store = opened.Value!;
        var key = Assert.Single((await store.ListKeysAsync(Actor.LocalAdministrator, KeyOwner.ForDomain("example.com"), CancellationToken.None)).Value!);
        string pem = (await store.ExportPrivateKeyPemAsync(Actor.LocalAdministrator, key.Id, CancellationToken.None)).Value!;
        string log = flow.Serve!.Output;
        Assert.Contains("example.com", log, StringComparison.Ordinal);
        foreach (string line in pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Length >= 40 && !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(line, log, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("PRIVATE KEY", log, StringComparison.Ordinal);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;
}
