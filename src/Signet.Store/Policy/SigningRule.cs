namespace Signet.Store.Policy;

/// <summary>The rule of <see cref="SigningPolicy"/> that decided how a message is signed.</summary>
public enum SigningRule
{
    /// <summary>The From domain is protected and has active keys: d= the From domain, aligned.</summary>
    DomainKeys,

    /// <summary>The From domain is a subdomain of a protected domain that lends its keys: d= the parent, relaxed-aligned.</summary>
    ParentDomainKeys,

    /// <summary>The From domain is not ours, and server-wide signing is on: d= the host name, not aligned.</summary>
    ServerKey,

    /// <summary>The message has no usable From domain: not signed.</summary>
    NoFromDomain,

    /// <summary>The message has several From domains: signed with the server key when it is on, else not signed.</summary>
    SeveralFromDomains,

    /// <summary>The From domain is not ours and server-wide signing is off: not signed.</summary>
    NotOurDomain,

    /// <summary>The From domain (or the parent that would lend its keys) has signing turned off: not signed.</summary>
    DomainSigningDisabled,

    /// <summary>The domain is ours but has no active key: signed with the server key when it is on, else not signed.</summary>
    NoActiveKey,
}
