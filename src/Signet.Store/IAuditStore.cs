using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Store;

/// <summary>The part of <see cref="ISignetStore"/> for
/// the audit log every change writes to.
/// Every call that acts for someone takes the <see cref="Actor"/>; role scope is enforced behind it, and every
/// change is audited.</summary>
public interface IAuditStore
{
    Task<StoreResult<IReadOnlyList<AuditEntry>>> ListAuditAsync(Actor actor, int limit, CancellationToken cancellationToken);
}
