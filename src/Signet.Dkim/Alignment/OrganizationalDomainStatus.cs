namespace Signet.Dkim.Alignment;

/// <summary>Whether an Organizational Domain could be determined.</summary>
public enum OrganizationalDomainStatus
{
    /// <summary>Determined; <see cref="OrganizationalDomainResult.OrganizationalDomain"/> holds it.</summary>
    Found,

    /// <summary>A DNS query of the tree walk failed in a way that may pass (timeout, SERVFAIL). RFC 9989 §5.3.6:
    /// the message can neither pass nor fail DMARC; a receiver may defer it with a 4xy reply (§7.2).</summary>
    TemporaryFailure,

    /// <summary>A DNS query of the tree walk failed in a way retrying will not fix (a malformed answer).
    /// RFC 9989 §5.3.6 treats it like a temporary one: neither pass nor fail.</summary>
    PermanentFailure,

    /// <summary>The input is not a domain name.</summary>
    InvalidDomain,
}
