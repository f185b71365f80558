using System.Text.RegularExpressions;
using Signet.Testing;

namespace Signet.Reliability.Tests.Support;

/// <summary>What arrived at the sink for one run, counted by Message-ID: missing, duplicated and unsigned messages.</summary>
internal sealed partial record SinkCount(int Expected, int Delivered, IReadOnlyList<string> Missing, IReadOnlyList<string> Duplicated, IReadOnlyList<string> Unsigned)
{
    public bool NothingLost => Missing.Count == 0 && Duplicated.Count == 0 && Unsigned.Count == 0;

    public static SinkCount Of(SmtpSink sink, string tag, int expected, string signingDomain)
    {
        var byId = sink.Messages
            .Select(m => (Text: m.Text, Id: MessageIdField().Match(m.Text)))
            .Where(m => m.Id.Success && m.Id.Groups["tag"].Value == tag)
            .GroupBy(m => m.Id.Groups["id"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var missing = Enumerable.Range(0, expected).Select(i => RetryingSender.MessageId(tag, i)).Where(id => !byId.ContainsKey(id)).ToList();
        var duplicated = byId.Where(e => e.Value.Count > 1).Select(e => e.Key).ToList();
        var unsigned = byId.Where(e => e.Value.Any(m => !IsSigned(m.Text, signingDomain))).Select(e => e.Key).ToList();
        return new SinkCount(expected, byId.Values.Sum(v => v.Count), missing, duplicated, unsigned);
    }

    /// <summary>Waits until every expected message arrived or the time is up, then counts.</summary>
    public static async Task<SinkCount> WaitAsync(SmtpSink sink, string tag, int expected, string signingDomain, TimeSpan timeout, Func<Task>? whileWaiting = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        var count = Of(sink, tag, expected, signingDomain);
        while (count.Missing.Count > 0 && DateTime.UtcNow < deadline)
        {
            if (whileWaiting is not null)
            {
                await whileWaiting();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
            count = Of(sink, tag, expected, signingDomain);
        }

        return count;
    }

    public override string ToString() =>
        $"expected {Expected}, delivered {Delivered}, missing {Missing.Count} ({string.Join(' ', Missing.Take(5))}), " +
        $"duplicated {Duplicated.Count} ({string.Join(' ', Duplicated.Take(5))}), unsigned {Unsigned.Count} ({string.Join(' ', Unsigned.Take(5))})";

    private static bool IsSigned(string text, string domain) =>
        text.StartsWith("DKIM-Signature:", StringComparison.Ordinal) && text.Contains($"d={domain};", StringComparison.Ordinal);

    [GeneratedRegex(@"(?im)^Message-ID: (?<id><(?<tag>[^.>]+)\.\d+@example\.com>)\r$")]
    private static partial Regex MessageIdField();
}
