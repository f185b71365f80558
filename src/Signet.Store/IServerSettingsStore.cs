using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Store;

/// <summary>The part of <see cref="ISignetStore"/> for
/// the server-wide settings: the host name and whether the server-wide key signs.
/// Every call that acts for someone takes the <see cref="Actor"/>; role scope is enforced behind it, and every
/// change is audited.</summary>
public interface IServerSettingsStore
{
    Task<StoreResult<ServerSettings>> GetServerSettingsAsync(Actor actor, CancellationToken cancellationToken);

    Task<StoreResult<ServerSettings>> UpdateServerSettingsAsync(Actor actor, string? hostName, bool? serverSigningEnabled, CancellationToken cancellationToken);
}
