namespace Signet.Store.Policy;

/// <summary>How to sign one message: with which keys (none means do not sign), as which d=, whether that d= aligns
/// with the From domain, the rule that decided, and a sentence for logs and the console.</summary>
public sealed record SigningDecision(
    SigningRule Rule,
    IReadOnlyList<SigningKey> Keys,
    string? SigningDomain,
    bool Aligned,
    string Explanation)
{
    public bool Signs => Keys.Count > 0;
}
