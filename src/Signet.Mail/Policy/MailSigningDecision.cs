using Signet.Dkim.Signing;

namespace Signet.Mail.Policy;

/// <summary>The signing policy's answer: the signatures to add (possibly none) and a short explanation for the log
/// ("From domain example.com, key s2024"; "no active key for example.org"), or a refusal: the sender may not have this
/// message signed at all (an authenticated user sending for a domain that is not theirs).</summary>
public sealed record MailSigningDecision(IReadOnlyList<DkimSigningRequest> Requests, string Explanation, bool IsAvailable = true, bool IsRefused = false)
{
    public static MailSigningDecision Sign(IReadOnlyList<DkimSigningRequest> requests, string explanation) => new(requests, explanation);

    public static MailSigningDecision NoSignature(string explanation) => new([], explanation);

    /// <summary>The policy cannot answer now (its store is unreachable): not the same as "nothing to sign".</summary>
    public static MailSigningDecision Unavailable(string explanation) => new([], explanation, IsAvailable: false);

    /// <summary>The sender may not have this message signed; <paramref name="reason"/> is what the client is told.</summary>
    public static MailSigningDecision Refused(string reason) => new([], reason, IsRefused: true);
}
