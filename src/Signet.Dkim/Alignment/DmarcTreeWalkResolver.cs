namespace Signet.Dkim.Alignment;

/// <summary>Finds Organizational Domains with the RFC 9989 DNS Tree Walk. It does not fall back to the Public Suffix
/// List when DNS fails: RFC 9989 replaced the list with the walk (Appendix C.3) and says a message whose DNS queries
/// fail can neither pass nor fail (§5.3.6), so the failure is reported as is.</summary>
public sealed class DmarcTreeWalkResolver(DmarcTreeWalk treeWalk) : IOrganizationalDomainResolver
{
    public OrganizationalDomainMethod Method => OrganizationalDomainMethod.DnsTreeWalk;

    public ValueTask<OrganizationalDomainResult> ResolveAsync(string domain, CancellationToken cancellationToken) =>
        treeWalk.FindOrganizationalDomainAsync(domain, cancellationToken);
}
