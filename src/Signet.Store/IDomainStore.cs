using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Store;

/// <summary>The part of <see cref="ISignetStore"/> for
/// domains: the mail domains Signet signs for, each with signing on or off and its subdomain rule.
/// Every call that acts for someone takes the <see cref="Actor"/>; role scope is enforced behind it, and every
/// change is audited.</summary>
public interface IDomainStore
{
    Task<StoreResult<IReadOnlyList<DomainEntry>>> ListDomainsAsync(Actor actor, CancellationToken cancellationToken);

    /// <summary>The domains the actor may see, each with its keys: for lists that show whether each domain signs. A
    /// fixed number of queries however many domains there are, where asking for each domain's keys would be one per domain.</summary>
    Task<StoreResult<IReadOnlyList<DomainWithKeys>>> ListDomainsWithKeysAsync(Actor actor, CancellationToken cancellationToken);

    Task<StoreResult<DomainEntry>> GetDomainAsync(Actor actor, string domain, CancellationToken cancellationToken);

    Task<StoreResult<DomainEntry>> AddDomainAsync(Actor actor, string domain, CancellationToken cancellationToken);

    Task<StoreResult<DomainEntry>> UpdateDomainAsync(Actor actor, string domain, bool? signingEnabled, SubdomainSigning? subdomains, CancellationToken cancellationToken);

    /// <summary>Removes a domain and deletes its keys.</summary>
    Task<StoreResult<bool>> RemoveDomainAsync(Actor actor, string domain, CancellationToken cancellationToken);
}
