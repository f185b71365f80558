using Signet.Dkim;
using Signet.Dkim.Alignment;
using Signet.Store.Policy;

namespace Signet.Admin.Api.Policy;

/// <summary>How Signet would sign a message now: the rule that decided, the keys (by record name, never the private
/// key), the d= and whether it aligns with the From domain, and the reason in words. With a user (<c>as</c>), whether
/// that user may have it signed at all (<see cref="Submission"/>); when not, the rule is the refusal's and nothing signs.</summary>
public sealed record PolicyExplanationView(
    IReadOnlyList<string> FromDomains,
    string Rule,
    bool Signs,
    string? SigningDomain,
    bool Aligned,
    IReadOnlyList<SigningKeyView> Keys,
    string Explanation,
    SubmissionView? Submission)
{
    /// <summary>The view of a decision; only the keys <paramref name="showKey"/> accepts are listed (a domain admin sees
    /// their own domains' keys, never another tenant's or the server-wide key's).</summary>
    public static PolicyExplanationView From(FromDomainResult from, SigningDecision decision, SubmissionView? submission, Func<SigningKeyView, bool> showKey)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(decision);
        return new PolicyExplanationView(from.Domains, Camel(decision.Rule.ToString()), decision.Signs, decision.SigningDomain,
            decision.Aligned, decision.Keys.Select(SigningKeyView.From).Where(showKey).ToList(), decision.Explanation, submission);
    }

    /// <summary>The view of a refused submission: nothing signs, and the relay or milter answers 550 5.7.1 (or passes
    /// the message on unsigned, as configured).</summary>
    public static PolicyExplanationView Refused(FromDomainResult from, SubmissionView submission)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(submission);
        return new PolicyExplanationView(from.Domains, submission.Rule, false, null, false, [],
            $"not signed, refused with 550 5.7.1 (unless the unauthorized-sender action is pass-unsigned): {submission.Reason}", submission);
    }

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
