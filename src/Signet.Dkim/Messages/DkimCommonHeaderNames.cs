using System.Text;
using Signet.Dkim.Signing;

namespace Signet.Dkim.Messages;

/// <summary>One shared string for each common header field name, in the two spellings seen in practice (as RFC 5322
/// writes it, and lower case): the names of a message's fields and of an oversigned <c>h=</c> (twenty-odd) would
/// otherwise each be a new string for every message. Names are found by length first, then by bytes.</summary>
internal static class DkimCommonHeaderNames
{
    private static readonly (byte[] Bytes, string Name)[][] ByLength = Build();

    /// <summary>The shared string for <paramref name="name"/> when it is a common spelling.</summary>
    public static bool TryGet(ReadOnlySpan<byte> name, out string text)
    {
        if (name.Length < ByLength.Length)
        {
            foreach (var (bytes, known) in ByLength[name.Length])
            {
                if (name.SequenceEqual(bytes))
                {
                    text = known;
                    return true;
                }
            }
        }

        text = string.Empty;
        return false;
    }

    private static (byte[] Bytes, string Name)[][] Build()
    {
        var names = DkimSignedHeaderPolicy.DefaultSigned
            .Concat(DkimSignedHeaderPolicy.NeverSigned)
            .Concat(["X-Mailer", "User-Agent", "Thread-Topic", "Thread-Index", "Precedence", "Auto-Submitted"])
            .SelectMany(n => new[] { n, n.ToLowerInvariant() })
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var byLength = new (byte[], string)[names.Max(n => n.Length) + 1][];
        for (int length = 0; length < byLength.Length; length++)
        {
            byLength[length] = [.. names.Where(n => n.Length == length).Select(n => (Encoding.ASCII.GetBytes(n), n))];
        }

        return byLength;
    }
}
