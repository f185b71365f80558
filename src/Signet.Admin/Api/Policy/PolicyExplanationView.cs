using Signet.Dkim;
using Signet.Dkim.Alignment;
using Signet.Store;
using Signet.Store.Policy;

namespace Signet.Admin.Api.Policy;

/// <summary>How Signet would sign a message now: the rule that decided, the keys (by record name, never the private
/// key), the d= and whether it aligns with the From domain, and the reason in words.</summary>
public sealed record PolicyExplanationView(
    IReadOnlyList<string> FromDomains,
    string Rule,
    bool Signs,
    string? SigningDomain,
    bool Aligned,
    IReadOnlyList<SigningKeyView> Keys,
    string Explanation)
{
    public static PolicyExplanationView From(FromDomainResult from, SigningDecision decision)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(decision);
        string rule = decision.Rule.ToString();
        return new PolicyExplanationView(from.Domains, char.ToLowerInvariant(rule[0]) + rule[1..], decision.Signs, decision.SigningDomain,
            decision.Aligned, decision.Keys.Select(SigningKeyView.From).ToList(), decision.Explanation);
    }
}

/// <summary>A key that would sign: its id, d=, s= and algorithm.</summary>
public sealed record SigningKeyView(Guid Id, string Domain, string Selector, string RecordName, string Algorithm)
{
    public static SigningKeyView From(SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SigningKeyView(key.Id, key.Domain, key.Selector, $"{key.Selector}._domainkey.{key.Domain}", key.PrivateKey.Algorithm.ToTagValue());
    }
}
