namespace Signet.Store.Policy;

/// <summary>Whether an authenticated user's message may be signed at all, the rule that decided and the reason in
/// words (the reason of a refusal is what the client reads after <c>550 5.7.1</c>).</summary>
public sealed record SubmissionDecision(SubmissionRule Rule, string Reason)
{
    public bool Allowed => Rule is not (SubmissionRule.NoFromDomain or SubmissionRule.NotTheirDomain);
}
