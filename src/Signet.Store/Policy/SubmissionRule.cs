namespace Signet.Store.Policy;

/// <summary>The rule of <see cref="SubmissionPolicy"/> that decided whether a submission may be signed.</summary>
public enum SubmissionRule
{
    /// <summary>No authenticated user: the client is trusted by its address (internal networks) or not at all, and the
    /// signing policy alone decides.</summary>
    NotAuthenticated,

    /// <summary>The authenticated name is not a Signet user (a Dovecot SASL login, say): Signet does not know its
    /// domains, so the signing policy alone decides.</summary>
    UnknownUser,

    /// <summary>The user is a server admin, who manages every domain.</summary>
    ServerAdmin,

    /// <summary>Every From domain is one of the user's domains, or a subdomain signed with one's keys.</summary>
    OwnDomain,

    /// <summary>Refused: the message has no usable From domain to check against the user's domains.</summary>
    NoFromDomain,

    /// <summary>Refused: a From domain is not one of the user's domains.</summary>
    NotTheirDomain,
}
