using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Signet.Testing;

namespace Signet.Reliability.Tests.Support;

/// <summary>Sends messages as a sending MTA does: each until Postfix accepts it, trying again after a 4xx reply or a
/// broken connection, from several connections at once. Every message has its own Message-ID, so the sink can
/// count each one.</summary>
internal sealed class RetryingSender(IPEndPoint postfix, string from, int connections)
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private int _accepted;
    private int _temporarilyRefused;

    /// <summary>Message-ID → how many times it was offered.</summary>
    public IReadOnlyDictionary<string, int> Attempts => _attempts;

    public int Accepted => Volatile.Read(ref _accepted);

    public int TemporarilyRefused => Volatile.Read(ref _temporarilyRefused);

    public static string MessageId(string tag, int index) => $"<{tag}.{index:D6}@example.com>";

    /// <summary>Sends <paramref name="count"/> messages tagged <paramref name="tag"/>, at most <paramref name="rate"/>
    /// per second when given, and returns when every one was accepted (or the deadline passed).</summary>
    public async Task SendAsync(string tag, int count, double? rate, TimeSpan deadline, Func<int, Task>? afterAccepted = null)
    {
        int next = -1;
        var started = DateTime.UtcNow;
        using var stop = new CancellationTokenSource(deadline);
        async Task Connection()
        {
            while (Interlocked.Increment(ref next) is int index && index < count)
            {
                if (rate is { } perSecond)
                {
                    var due = started + TimeSpan.FromSeconds(index / perSecond);
                    if (due > DateTime.UtcNow)
                    {
                        await Task.Delay(due - DateTime.UtcNow, stop.Token);
                    }
                }

                await SendOneAsync(MessageId(tag, index), tag, stop.Token);
                int accepted = Interlocked.Increment(ref _accepted);
                if (afterAccepted is not null)
                {
                    await afterAccepted(accepted);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(Connection)));
    }

    private async Task SendOneAsync(string messageId, string tag, CancellationToken cancellationToken)
    {
        byte[] message = Encoding.ASCII.GetBytes(
            $"From: Alice <{from}>\r\nTo: Bob <bob@example.net>\r\nSubject: {tag}\r\nDate: Sat, 28 Nov 2026 10:00:00 +0000\r\n" +
            $"Message-ID: {messageId}\r\n\r\nMessage {messageId} of the {tag} run.\r\n");
        while (true)
        {
            _attempts.AddOrUpdate(messageId, 1, (_, n) => n + 1);
            try
            {
                var result = await SmtpTestClient.SendAsync(postfix, from, ["bob@example.net"], message, cancellationToken);
                if (result.Accepted)
                {
                    return;
                }

                if (!result.TemporarilyRefused)
                {
                    throw new InvalidOperationException($"{messageId} was refused for good: {string.Join(" | ", result.Replies)}");
                }

                Interlocked.Increment(ref _temporarilyRefused);
            }
            catch (IOException)
            {
                // Connection cut: offered again, as an MTA would.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}
