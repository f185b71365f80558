namespace Signet.Dkim.Alignment;

/// <summary>How closely the DKIM signing domain must match the Author Domain (RFC 9989 §4.4.1, "adkim").</summary>
public enum AlignmentMode
{
    /// <summary>"adkim=s": the two domains must be identical.</summary>
    Strict,

    /// <summary>"adkim=r", the default: the two domains must have the same Organizational Domain.</summary>
    Relaxed,
}
