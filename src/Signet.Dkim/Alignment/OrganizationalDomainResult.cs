namespace Signet.Dkim.Alignment;

/// <summary>The Organizational Domain of <see cref="Domain"/> (both lower-case A-labels), the method that found it,
/// and a sentence saying how, or why it could not be found. <see cref="OrganizationalDomain"/> is empty unless
/// <see cref="Status"/> is <see cref="OrganizationalDomainStatus.Found"/>.</summary>
public sealed record OrganizationalDomainResult(
    OrganizationalDomainStatus Status,
    string Domain,
    string OrganizationalDomain,
    OrganizationalDomainMethod Method,
    string Message)
{
    public bool IsFound => Status == OrganizationalDomainStatus.Found;

    public bool IsTemporaryFailure => Status == OrganizationalDomainStatus.TemporaryFailure;

    public static OrganizationalDomainResult Found(string domain, string organizationalDomain, OrganizationalDomainMethod method, string message) =>
        new(OrganizationalDomainStatus.Found, domain, organizationalDomain, method, message);

    public static OrganizationalDomainResult Failed(OrganizationalDomainStatus status, string domain, OrganizationalDomainMethod method, string message) =>
        new(status, domain, string.Empty, method, message);
}
