using Signet.Dkim.Canonicalization;
using Signet.Dkim.Keys;

namespace Signet.Dkim.Signing;

/// <summary>One signature to add: which key, for which domain and selector, and how.</summary>
public sealed record DkimSigningRequest(DkimPrivateKey Key, string SigningDomain, string Selector)
{
    /// <summary>relaxed/relaxed by default: it survives the whitespace and case changes relays make.</summary>
    public DkimCanonicalizationPair Canonicalization { get; init; } = DkimCanonicalizationPair.RelaxedRelaxed;

    public DkimSignedHeaderPolicy HeaderPolicy { get; init; } = DkimSignedHeaderPolicy.Default;

    /// <summary>When set, x= is written this long after t=.</summary>
    public TimeSpan? Expiration { get; init; }

    /// <summary>When set, i= is written (it must be within <see cref="SigningDomain"/>).</summary>
    public string? AgentOrUserIdentifier { get; init; }
}
