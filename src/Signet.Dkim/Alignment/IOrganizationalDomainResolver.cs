namespace Signet.Dkim.Alignment;

/// <summary>Finds the Organizational Domain of a domain, by whichever method the implementation stands for.
/// Failures are reported in the result, not thrown.</summary>
public interface IOrganizationalDomainResolver
{
    OrganizationalDomainMethod Method { get; }

    ValueTask<OrganizationalDomainResult> ResolveAsync(string domain, CancellationToken cancellationToken);
}
