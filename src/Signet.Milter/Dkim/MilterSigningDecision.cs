using Signet.Dkim.Signing;

namespace Signet.Milter.Dkim;

/// <summary>The signing policy's answer: the signatures to add (possibly none) and a short explanation for the log
/// ("From domain example.com, key s2024"; "no active key for example.org"), or a refusal: the sender may not have this
/// message signed at all (an authenticated user sending for a domain that is not theirs).</summary>
public sealed record MilterSigningDecision(IReadOnlyList<DkimSigningRequest> Requests, string Explanation, bool IsAvailable = true, bool IsRefused = false)
{
    public static MilterSigningDecision Sign(IReadOnlyList<DkimSigningRequest> requests, string explanation) => new(requests, explanation);

    public static MilterSigningDecision NoSignature(string explanation) => new([], explanation);

    /// <summary>The policy cannot answer now (its store is unreachable): not the same as "nothing to sign".</summary>
    public static MilterSigningDecision Unavailable(string explanation) => new([], explanation, IsAvailable: false);

    /// <summary>The sender may not have this message signed; <paramref name="reason"/> is what the client is told.</summary>
    public static MilterSigningDecision Refused(string reason) => new([], reason, IsRefused: true);
}
