using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Store;

/// <summary>The part of <see cref="ISignetStore"/> for
/// users, their passwords and their console sessions.
/// Every call that acts for someone takes the <see cref="Actor"/>; role scope is enforced behind it, and every
/// change is audited.</summary>
public interface IUserStore
{
    Task<StoreResult<IReadOnlyList<UserEntry>>> ListUsersAsync(Actor actor, CancellationToken cancellationToken);

    Task<StoreResult<UserEntry>> AddUserAsync(Actor actor, string name, UserRole role, string password, IReadOnlyList<string> domains, CancellationToken cancellationToken);

    Task<StoreResult<UserEntry>> SetUserDomainsAsync(Actor actor, Guid userId, IReadOnlyList<string> domains, CancellationToken cancellationToken);

    Task<StoreResult<bool>> RemoveUserAsync(Actor actor, Guid userId, CancellationToken cancellationToken);

    /// <summary>Checks a user's password; a successful or failed sign-in is audited. Null when it does not match.</summary>
    Task<StoreResult<Actor?>> AuthenticatePasswordAsync(string name, string password, CancellationToken cancellationToken);

    /// <summary>As <see cref="AuthenticatePasswordAsync(string, string, CancellationToken)"/>, recording the client's
    /// address. Failures for one name from one address within an hour are one audit entry with a count.</summary>
    Task<StoreResult<Actor?>> AuthenticatePasswordAsync(string name, string password, string? address, CancellationToken cancellationToken);

    /// <summary>Changes the actor's own password after checking the current one; their other sessions end.</summary>
    Task<StoreResult<bool>> ChangeOwnPasswordAsync(Actor actor, string currentPassword, string newPassword, string? keepSessionId, CancellationToken cancellationToken);

    /// <summary>Sets another user's password (server admins only); all that user's sessions end.</summary>
    Task<StoreResult<bool>> ResetPasswordAsync(Actor actor, Guid userId, string newPassword, string? keepSessionId, CancellationToken cancellationToken);

    /// <summary>Records a console session (by the hash of <paramref name="sessionId"/>) for a user who just signed in.</summary>
    Task<StoreResult<bool>> StartSessionAsync(Actor actor, string sessionId, SessionLifetime lifetime, CancellationToken cancellationToken);

    /// <summary>The user a session belongs to, read afresh; null when the session was ended, timed out or its user removed.</summary>
    Task<StoreResult<Actor?>> ResumeSessionAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Ends a session at once (sign-out): the cookie that carried it no longer works anywhere.</summary>
    Task<StoreResult<bool>> EndSessionAsync(string sessionId, CancellationToken cancellationToken);
}
