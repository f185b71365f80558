using Signet.Dkim.Verification;

namespace Signet.Dkim.Results;

/// <summary>What checking a whole message found: one result per signature (top first), the report that joins them
/// with the From domain (alignment), and the Authentication-Results field that says so (RFC 8601).</summary>
/// <param name="Results">One result per DKIM-Signature field, top first; empty for an unsigned message.</param>
/// <param name="Report">The results with their alignment with the From domain.</param>
/// <param name="AuthenticationResults">The complete field, folded one result per line, ending with the line ending
/// it was asked for: ready to insert in the message.</param>
public sealed record DkimMessageAuthentication(
    IReadOnlyList<DkimSignatureResult> Results,
    DkimMessageReport Report,
    string AuthenticationResults)
{
    /// <summary>The field without its final line ending, to print or show.</summary>
    public string AuthenticationResultsText => AuthenticationResults.TrimEnd('\r', '\n');
}
