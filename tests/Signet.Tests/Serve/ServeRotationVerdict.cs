using System.Text.RegularExpressions;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>One message as it reached the sink during a rotation: its DKIM-Signature fields' d= and s=, dkimpy's verdict
/// with ns1's keys and with ns2's, and when the verdicts were given.</summary>
internal sealed partial record ServeRotationVerdict(
    string Subject, IReadOnlyList<(string Domain, string Selector)> Signatures, string Primary, string Secondary, DateTimeOffset VerifiedAt, TimeSpan Took)
{
    public string? Selector => Signatures.Count == 1 ? Signatures[0].Selector : null;

    public static ServeRotationVerdict Of(SmtpSinkMessage message, string primary, string secondary, DateTimeOffset verifiedAt, TimeSpan took)
    {
        string text = message.Text;
        int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        string header = end < 0 ? text : text[..end];
        string subject = SubjectField().Match(header) is { Success: true } found ? found.Groups[1].Value : "(no subject)";
        var signatures = SignatureField().Matches(header)
            .Select(m => Tags(m.Groups[1].Value))
            .Select(tags => (tags.GetValueOrDefault("d", "(none)"), tags.GetValueOrDefault("s", "(none)")))
            .ToList();
        return new ServeRotationVerdict(subject, signatures, primary, secondary, verifiedAt, took);
    }

    public override string ToString() =>
        $"{Subject}: {(Signatures.Count == 0 ? "unsigned" : string.Join(", ", Signatures.Select(s => $"d={s.Domain} s={s.Selector}")))}; " +
        $"ns1 {Primary}; ns2 {Secondary}; verified at {VerifiedAt:HH:mm:ss.fff} in {Took.TotalMilliseconds:0} ms";

    // RFC 6376 §3.2: tag=value pairs separated by ";", whitespace around them ignored (folding included).
    private static Dictionary<string, string> Tags(string value) =>
        value.Split(';')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => Regex.Replace(pair[0], @"\s", string.Empty), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => Regex.Replace(group.First()[1], @"\s", string.Empty), StringComparer.Ordinal);

    // A header field with its continuation lines (RFC 5322 §2.2.3).
    [GeneratedRegex(@"^DKIM-Signature:((?:[^\r\n]*)(?:\r\n[ \t][^\r\n]*)*)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SignatureField();

    [GeneratedRegex(@"^Subject: ([^\r\n]*)", RegexOptions.Multiline)]
    private static partial Regex SubjectField();
}
