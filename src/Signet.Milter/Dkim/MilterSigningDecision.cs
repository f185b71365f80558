using Signet.Dkim.Signing;

namespace Signet.Milter.Dkim;

/// <summary>The signing policy's answer: the signatures to add (possibly none) and a short explanation for the log
/// ("From domain example.com, key s2024"; "no active key for example.org").</summary>
public sealed record MilterSigningDecision(IReadOnlyList<DkimSigningRequest> Requests, string Explanation, bool IsAvailable = true)
{
    public static MilterSigningDecision Sign(IReadOnlyList<DkimSigningRequest> requests, string explanation) => new(requests, explanation);

    public static MilterSigningDecision NoSignature(string explanation) => new([], explanation);

    /// <summary>The policy cannot answer now (its store is unreachable): not the same as "nothing to sign".</summary>
    public static MilterSigningDecision Unavailable(string explanation) => new([], explanation, IsAvailable: false);
}
