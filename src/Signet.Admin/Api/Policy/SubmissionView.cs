using Signet.Store.Policy;

namespace Signet.Admin.Api.Policy;

/// <summary>Whether <see cref="User"/> may have the message signed, by <see cref="SubmissionPolicy"/>.</summary>
public sealed record SubmissionView(string User, bool Allowed, string Rule, string Reason)
{
    public static SubmissionView From(string user, SubmissionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new SubmissionView(user, decision.Allowed, PolicyExplanationView.Camel(decision.Rule.ToString()), decision.Reason);
    }
}
