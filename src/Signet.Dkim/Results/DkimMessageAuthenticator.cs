using Signet.Dkim.Alignment;
using Signet.Dkim.Messages;
using Signet.Dkim.Verification;

namespace Signet.Dkim.Results;

/// <summary>Verify, report, write Authentication-Results: the one sequence behind every place that checks a message
/// (the mail pipeline of the milter and the relay, <c>signet verify</c>, the console's and the API's message check), so
/// they cannot come to disagree about a message. Each signature is verified (RFC 6376 §6), judged for relaxed
/// alignment with the From domain (RFC 9989 §4.4.1), and given its clause in one field (RFC 8601 §2.2).</summary>
public static class DkimMessageAuthenticator
{
    /// <summary>Ends <paramref name="verification"/>, begun on <paramref name="header"/> and fed the whole body (in any
    /// split), and writes its field with <paramref name="lineEnding"/> (the message's own, to insert it; "\n" to print).</summary>
    public static async ValueTask<DkimMessageAuthentication> CompleteAsync(
        DkimMessageHeader header,
        DkimVerification verification,
        IOrganizationalDomainResolver organizationalDomains,
        string authservId,
        string lineEnding,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(verification);
        var results = await verification.CompleteAsync(cancellationToken).ConfigureAwait(false);
        var report = await DkimMessageReporter.ReportAsync(header, results, organizationalDomains, cancellationToken).ConfigureAwait(false);
        return new DkimMessageAuthentication(results, report, AuthenticationResultsWriter.Format(authservId, report.Signatures, lineEnding));
    }

    /// <summary>Checks a message held in memory: its parsed header and its body.</summary>
    public static async ValueTask<DkimMessageAuthentication> AuthenticateAsync(
        DkimVerifier verifier,
        DkimMessageHeader header,
        ReadOnlyMemory<byte> body,
        IOrganizationalDomainResolver organizationalDomains,
        string authservId,
        string lineEnding,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        using var verification = verifier.Begin(header, cancellationToken);
        verification.AppendBody(body.Span);
        return await CompleteAsync(header, verification, organizationalDomains, authservId, lineEnding, cancellationToken).ConfigureAwait(false);
    }
}
