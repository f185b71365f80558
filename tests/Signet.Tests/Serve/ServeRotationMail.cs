using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>Mail through Postfix and serve for as long as a rotation runs: a sender hands Postfix a message every few
/// hundred milliseconds, and a receiver has each message that reaches the sink verified by dkimpy at once, once with
/// the keys ns1 serves and once with those of ns2, before it looks at the next.</summary>
[OutsideServer]
internal sealed class ServeRotationMail : IAsyncDisposable
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(300);
    private readonly ServeRotationFlow _flow;
    private readonly ServeRotationDkimpy _primary;
    private readonly ServeRotationDkimpy _secondary;
    private readonly CancellationTokenSource _stopSending = new();
    private readonly CancellationTokenSource _stopReceiving = new();
    private readonly ConcurrentQueue<ServeRotationVerdict> _verdicts = new();
    private readonly ConcurrentQueue<string> _refusals = new();
    private Task _sender = Task.CompletedTask;
    private Task _receiver = Task.CompletedTask;
    private int _accepted;

    private ServeRotationMail(ServeRotationFlow flow, ServeRotationDkimpy primary, ServeRotationDkimpy secondary)
    {
        _flow = flow;
        _primary = primary;
        _secondary = secondary;
    }

    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>The replies other than 250 the sender got (4xx while serve was down), for the report.</summary>
    public IReadOnlyCollection<string> Refusals => _refusals;

    public IReadOnlyCollection<ServeRotationVerdict> Verdicts => _verdicts;

    public static async Task<ServeRotationMail> StartAsync(ServeRotationFlow flow)
    {
        var primary = await ServeRotationDkimpy.StartAsync(flow.Knot.PrimaryServer.Endpoint);
        var secondary = await ServeRotationDkimpy.StartAsync(flow.Knot.SecondaryServer.Endpoint);
        var mail = new ServeRotationMail(flow, primary, secondary);
        int already = flow.Sink.Messages.Count;
        mail._sender = Task.Run(() => mail.SendAsync(mail._stopSending.Token));
        mail._receiver = Task.Run(() => mail.ReceiveAsync(already, mail._stopReceiving.Token));
        return mail;
    }

    /// <summary>Stops sending, waits until every message Postfix accepted has reached the sink and been verified,
    /// and returns every verdict.</summary>
    public async Task<IReadOnlyList<ServeRotationVerdict>> StopAsync()
    {
        await _stopSending.CancelAsync();
        await _sender;
        await Eventually.Until(() => _verdicts.Count >= Accepted || _receiver.IsCompleted,
            $"all {Accepted} accepted messages reach the sink and are verified ({_verdicts.Count} so far)\n{_flow.Diagnostics()}", TimeSpan.FromSeconds(90));
        await _stopReceiving.CancelAsync();
        await _receiver;
        return [.. _verdicts];
    }

    public async ValueTask DisposeAsync()
    {
        await _stopSending.CancelAsync();
        await _stopReceiving.CancelAsync();
        await Task.WhenAll(_sender, _receiver).ContinueWith(_ => { }, TaskScheduler.Default);
        await _primary.DisposeAsync();
        await _secondary.DisposeAsync();
        _stopSending.Dispose();
        _stopReceiving.Dispose();
    }

    private async Task SendAsync(CancellationToken stopping)
    {
        for (int number = 1; !stopping.IsCancellationRequested; number++)
        {
            string text = MailFlow.Message($"Alice <alice@{ServeRotationFlow.Domain}>", $"rotation {number}", $"Message {number} of the rotation.\n");
            try
            {
                var sent = await SmtpTestClient.SendAsync(_flow.Postfix.SmtpEndpoint, $"alice@{ServeRotationFlow.Domain}", ["bob@example.net"],
                    Encoding.ASCII.GetBytes(text.ReplaceLineEndings("\r\n")), CancellationToken.None);
                if (sent.Accepted)
                {
                    Interlocked.Increment(ref _accepted);
                }
                else
                {
                    _refusals.Enqueue($"message {number}: {sent.FinalReply}");
                }
            }
            catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                _refusals.Enqueue($"message {number}: {exception.Message}");
            }

            // The pace of the mail, not a wait for something to happen.
            await Task.Delay(Pace, CancellationToken.None);
        }
    }

    private async Task ReceiveAsync(int already, CancellationToken stopping)
    {
        int seen = already;
        while (!stopping.IsCancellationRequested)
        {
            var arrived = _flow.Sink.Messages.Skip(seen).ToList();
            if (arrived.Count == 0)
            {
                await Task.Delay(20, CancellationToken.None);
                continue;
            }

            foreach (var message in arrived)
            {
                seen++;
                var clock = Stopwatch.StartNew();
                string primary = await _primary.VerifyAsync(message.Data);
                string secondary = await _secondary.VerifyAsync(message.Data);
                _verdicts.Enqueue(ServeRotationVerdict.Of(message, primary, secondary, DateTimeOffset.UtcNow, clock.Elapsed));
            }
        }
    }
}
