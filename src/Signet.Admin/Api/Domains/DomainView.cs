using Signet.Store.Model;

namespace Signet.Admin.Api.Domains;

/// <summary>A protected domain as the API shows it. <c>subdomains</c> is <c>useParentKeys</c> (mail from a subdomain
/// is signed with this domain's keys, relaxed-aligned) or <c>requireOwnKeys</c>.</summary>
public sealed record DomainView(string Name, bool SigningEnabled, string Subdomains, DateTimeOffset CreatedAt)
{
    public static DomainView From(DomainEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new DomainView(entry.Name, entry.SigningEnabled, SubdomainNames.Name(entry.Subdomains), entry.CreatedAt);
    }
}
