using Signet.Store.Access;

namespace Signet.Store;

/// <summary>Everything the console, the REST API, the CLI, the milter and the relay do with domains, keys, users and
/// the audit log, as one service: the composite of the store's aggregates, for callers that need several. A caller
/// that needs one takes that one (<see cref="IDomainStore"/>, <see cref="IKeyStore"/>, <see cref="IPublisherStore"/>,
/// <see cref="IServerSettingsStore"/>, <see cref="IUserStore"/>, <see cref="ITokenStore"/>, <see cref="IAuditStore"/>,
/// <see cref="ISigningSnapshotSource"/>), so what it can touch is visible in its signature.
/// Every call takes the <see cref="Actor"/> it acts for, and role scope is enforced behind this interface in one
/// place: a domain admin asking for another domain gets <see cref="StoreErrorKind.NotFound"/>. Every change is
/// audited. Private keys are encrypted at rest and never returned, except by
/// <see cref="IKeyStore.ExportPrivateKeyPemAsync"/> (server admins only, audited).</summary>
public interface ISignetStore : IDomainStore, IKeyStore, IPublisherStore, IServerSettingsStore, IUserStore, ITokenStore, IAuditStore, ISigningSnapshotSource
{
}
