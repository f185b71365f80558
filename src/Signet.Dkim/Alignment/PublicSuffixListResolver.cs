namespace Signet.Dkim.Alignment;

/// <summary>Finds Organizational Domains with a <see cref="PublicSuffixList"/>, without I/O.</summary>
public sealed class PublicSuffixListResolver(PublicSuffixList list) : IOrganizationalDomainResolver
{
    public OrganizationalDomainMethod Method => OrganizationalDomainMethod.PublicSuffixList;

    public ValueTask<OrganizationalDomainResult> ResolveAsync(string domain, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Resolve(domain));

    public OrganizationalDomainResult Resolve(string domain)
    {
        if (!DomainName.TryNormalize(domain, out string normalized, out string error)
            || !list.TryGetOrganizationalDomain(normalized, out string organizational, out error))
        {
            return OrganizationalDomainResult.Failed(OrganizationalDomainStatus.InvalidDomain, domain, Method, error);
        }

        return OrganizationalDomainResult.Found(normalized, organizational, Method,
            $"the organizational domain of {normalized} is {organizational}, by the public suffix list");
    }
}
