using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Store;

/// <summary>The part of <see cref="ISignetStore"/> for
/// API tokens: created for a user, stored only as a hash, checked on every API request.
/// Every call that acts for someone takes the <see cref="Actor"/>; role scope is enforced behind it, and every
/// change is audited.</summary>
public interface ITokenStore
{
    /// <summary>Creates an API token for a user (acting with that user's role and domains); the secret is returned
    /// once and stored only as a hash.</summary>
    Task<StoreResult<string>> CreateTokenAsync(Actor actor, Guid userId, string description, CancellationToken cancellationToken);

    /// <summary>As <see cref="CreateTokenAsync(Actor, Guid, string, CancellationToken)"/>, refused after <paramref name="expiresAt"/> when given.</summary>
    Task<StoreResult<string>> CreateTokenAsync(Actor actor, Guid userId, string description, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>The tokens the actor may see (their own; every user's for server admins), without their secrets.</summary>
    Task<StoreResult<IReadOnlyList<TokenEntry>>> ListTokensAsync(Actor actor, CancellationToken cancellationToken);

    /// <summary>Revokes a token at once; another user's token is not found for a domain admin.</summary>
    Task<StoreResult<bool>> RevokeTokenAsync(Actor actor, Guid tokenId, CancellationToken cancellationToken);

    /// <summary>The actor an API token stands for, or why it is refused (unknown, revoked, expired).</summary>
    Task<StoreResult<TokenCheck>> CheckTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>The actor an API token stands for, or null for an unknown or revoked token.</summary>
    Task<StoreResult<Actor?>> AuthenticateTokenAsync(string token, CancellationToken cancellationToken);
}
