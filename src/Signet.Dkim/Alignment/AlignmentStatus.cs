namespace Signet.Dkim.Alignment;

/// <summary>The outcome of one alignment check.</summary>
public enum AlignmentStatus
{
    Aligned,

    NotAligned,

    /// <summary>An Organizational Domain could not be found because DNS failed temporarily; try again later.</summary>
    TemporaryFailure,

    /// <summary>An Organizational Domain could not be found because DNS failed permanently (RFC 9989 §5.3.6: the
    /// message neither passes nor fails).</summary>
    PermanentFailure,

    /// <summary>One of the two domains is not a domain name.</summary>
    InvalidDomain,
}
