namespace Signet.Dkim.Alignment;

/// <summary>How many Author Domains the From header fields yield (RFC 9989 §5.3.1).</summary>
public enum FromDomainStatus
{
    /// <summary>Exactly one From field holding exactly one mailbox: one Author Domain, DMARC can proceed.</summary>
    One,

    /// <summary>Several From fields, or several mailboxes. RFC 9989 §5.3.1: DMARC validation is not possible
    /// (a receiver MAY go on anyway); the parser never picks one.</summary>
    Several,

    /// <summary>No Author Domain: no From field at all, or a From field that is an empty group.</summary>
    None,

    /// <summary>A From field does not follow RFC 5322 §3.4 (with the obsolete forms of §4.4 and the UTF-8 of
    /// RFC 6532); the message says what is wrong.</summary>
    Unparseable,
}
