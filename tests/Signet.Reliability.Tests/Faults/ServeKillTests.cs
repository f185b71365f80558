using System.Diagnostics;
using Signet.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Signet.Reliability.Tests.Faults;

/// <summary>serve killed outright (SIGKILL, as the OOM killer or a crash would) in the middle of a burst of mail
/// through Postfix, then started again: Postfix tempfails what it could not filter, the senders offer it again, and
/// every message arrives exactly once, signed.</summary>
[Collection(FaultGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class ServeKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Serve_KilledDuringABurstThenRestarted_EveryMessageDeliveredOnceAndSigned()
    {
        const int Count = 300;
        await using var flow = await MailFlow.StartAsync(["example.com"], serverKey: false);
        var sender = new RetryingSender(flow.Postfix.SmtpEndpoint, "alice@example.com", connections: 8);
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();

        var burst = sender.SendAsync("kill", Count, rate: null, TimeSpan.FromMinutes(3), accepted =>
        {
            if (accepted == Count / 3 && killed.TrySetResult())
            {
                return KillAndRestartAsync(flow, sender);
            }

            return Task.CompletedTask;
        });
        await burst;
        await flow.Postfix.FlushAsync(CancellationToken.None);
        var count = await SinkCount.WaitAsync(flow.Sink, "kill", Count, "example.com", TimeSpan.FromMinutes(1), () => flow.Postfix.FlushAsync(CancellationToken.None));

        string summary = $"SIGKILL during {Count} messages over 8 connections: {sender.TemporarilyRefused} tempfailed replies, " +
                         $"{sender.Attempts.Values.Count(n => n > 1)} messages offered more than once; {count}; {clock.Elapsed.TotalSeconds:0.0} s";
        output.WriteLine(summary);
        Assert.True(killed.Task.IsCompleted, "serve was never killed");
        Assert.True(count.NothingLost, summary + "\nPostfix log:\n" + Tail(flow.Postfix.ReadLog()));
        Assert.True(sender.TemporarilyRefused > 0, "no message met the outage: " + summary);
    }

    private static async Task KillAndRestartAsync(MailFlow flow, RetryingSender sender)
    {
        // SIGKILL: no shutdown, no finishing of the messages in progress.
        await flow.Serve!.KillAsync(TimeSpan.FromSeconds(10));
        await flow.Serve.DisposeAsync();
        // Down until a message has met the outage, however slowly the other connections send.
        await Signet.Testing.Eventually.Until(() => sender.TemporarilyRefused > 0, "a message meets the outage");
        await flow.StartServeAsync();
    }

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(40));
}
