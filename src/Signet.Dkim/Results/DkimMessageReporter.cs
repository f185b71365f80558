using Signet.Dkim.Alignment;
using Signet.Dkim.Messages;
using Signet.Dkim.Verification;

namespace Signet.Dkim.Results;

/// <summary>Joins verification results with the From domain: relaxed DKIM alignment (RFC 9989 §4.4.1), the
/// organizational domain found by the given resolver (DNS tree walk, or the public suffix list offline).</summary>
public static class DkimMessageReporter
{
    public static async ValueTask<DkimMessageReport> ReportAsync(
        DkimMessageHeader header,
        IReadOnlyList<DkimSignatureResult> results,
        IOrganizationalDomainResolver organizationalDomains,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(results);
        var from = FromHeaderParser.Parse(header.Named("From").Select(f => f.ValueMemory).ToList());
        var reported = new List<DkimReportedSignature>(results.Count);
        foreach (var result in results)
        {
            reported.Add(await ReportOneAsync(result, from, organizationalDomains, cancellationToken).ConfigureAwait(false));
        }

        return new DkimMessageReport(from, reported);
    }

    private static async ValueTask<DkimReportedSignature> ReportOneAsync(
        DkimSignatureResult result,
        FromDomainResult from,
        IOrganizationalDomainResolver organizationalDomains,
        CancellationToken cancellationToken)
    {
        string? signingDomain = result.Signature?.SigningDomain ?? result.Identity.SigningDomain;
        if (signingDomain is null)
        {
            return new DkimReportedSignature(result, null, null);
        }

        if (from.AuthorDomain is not { } fromDomain)
        {
            // Several From domains, none, or an unreadable From: alignment cannot be judged (RFC 9989 §4.4.1).
            return new DkimReportedSignature(result, false, "alignment not judged: " + ShortFromProblem(from), from.Message);
        }

        var alignment = await DkimAlignment.CheckAsync(signingDomain, fromDomain, AlignmentMode.Relaxed, organizationalDomains, cancellationToken)
            .ConfigureAwait(false);
        bool? aligned = alignment.Status switch
        {
            AlignmentStatus.Aligned => true,
            AlignmentStatus.NotAligned => false,
            _ => null,
        };
        string note = aligned switch
        {
            true => $"aligned with From domain {fromDomain}",
            false => $"not aligned with From domain {fromDomain}",
            null => "alignment with From domain " + fromDomain + " not determined",
        };
        return new DkimReportedSignature(result, aligned, note, alignment.Message);
    }

    private static string ShortFromProblem(FromDomainResult from) => from.Status switch
    {
        FromDomainStatus.Several => "several From addresses or fields",
        FromDomainStatus.None => "no From address",
        _ => "the From field is malformed",
    };
}
