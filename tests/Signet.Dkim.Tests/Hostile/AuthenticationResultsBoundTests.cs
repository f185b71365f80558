using System.Text.RegularExpressions;
using Signet.Dkim.Alignment;
using Signet.Dkim.Messages;
using Signet.Dkim.Results;
using static Signet.Dkim.Tests.Hostile.HostileMessages;

namespace Signet.Dkim.Tests.Hostile;

/// <summary>A message with thousands of signatures gets an Authentication-Results field of bounded size: one clause per
/// checked signature and one summary for the rest (the milter, the relay and <c>signet verify</c> all write it here).</summary>
public sealed partial class AuthenticationResultsBoundTests
{
    [Fact]
    public async Task Format_TwelveThousandSignatures_ReportsTheCheckedTenAndOneSummaryClause()
    {
        byte[] signed = SignWithS1(With([]));
        byte[] message = [.. Repeat("DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s{i}x; h=from; bh=AAAA; b=AAAA\r\n", 11_999), .. signed];
        var results = await VerifyTimed(message, S1Keys());
        Assert.True(DkimMessageHeader.TryParse(DkimHeaderSection.WithoutSeparator(message.AsSpan(0, DkimHeaderSection.FindBodyStart(message))), out var header, out _));
        var report = await DkimMessageReporter.ReportAsync(header, results, new PublicSuffixListResolver(PublicSuffixList.Embedded), CancellationToken.None);

        string field = AuthenticationResultsWriter.Format("mx.signet.test", report.Signatures);

        Assert.Equal(12_000, report.Signatures.Count);
        Assert.InRange(field.Length, 1, 8 * 1024);
        Assert.Equal(11, Clause().Count(field));
        Assert.EndsWith("\tdkim=neutral reason=\"11,990 more signatures not checked\"\r\n", field, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\tdkim=")]
    private static partial Regex Clause();
}
