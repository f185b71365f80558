namespace Signet.Dkim.Alignment;

/// <summary>How an Organizational Domain was found.</summary>
public enum OrganizationalDomainMethod
{
    /// <summary>None was needed: strict alignment, or the two domains were identical (RFC 9989 §4.10.2).</summary>
    None,

    /// <summary>The Public Suffix List, as RFC 7489 §3.2 did; offline.</summary>
    PublicSuffixList,

    /// <summary>The DNS Tree Walk of RFC 9989 §4.10.</summary>
    DnsTreeWalk,
}
