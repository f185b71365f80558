namespace Signet.Dkim.Alignment;

/// <summary>Whether a DKIM signing domain (d=) is aligned with the Author Domain. Both domains are lower-case
/// A-labels; the Organizational Domains are empty when none was needed or none could be found.
/// <see cref="Method"/> names what decided. <see cref="Message"/> is one sentence, for example "d=example.com is
/// aligned with From domain mail.example.com (relaxed: same organizational domain example.com, found by DNS tree
/// walk)".</summary>
public sealed record AlignmentResult(
    AlignmentStatus Status,
    AlignmentMode Mode,
    string SigningDomain,
    string FromDomain,
    string SigningOrganizationalDomain,
    string FromOrganizationalDomain,
    OrganizationalDomainMethod Method,
    string Message)
{
    public bool IsAligned => Status == AlignmentStatus.Aligned;
}
