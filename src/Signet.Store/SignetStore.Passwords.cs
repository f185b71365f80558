using Signet.Store.Access;
using Signet.Store.Persistence;
using Signet.Store.Security;

namespace Signet.Store;

/// <summary>Changing passwords: users change their own (proving the current one), server admins reset anyone's. Either
/// way the user's other sessions end, so whoever knew the old password is out.</summary>
public sealed partial class SignetStore
{
    public Task<StoreResult<bool>> ChangeOwnPasswordAsync(
        Actor actor, string currentPassword, string newPassword, string? keepSessionId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(actor);
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var user = await LoadUserAsync(session, actor.UserId, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                return StoreResult<bool>.Failure(StoreErrorKind.NotFound, $"there is no user {actor.Name}");
            }

            if (!PasswordHasher.Verify(currentPassword ?? string.Empty, user.PasswordHash))
            {
                return StoreResult<bool>.Failure(StoreErrorKind.Invalid, "the current password is not right: the password is unchanged");
            }

            if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
            {
                return StoreResult<bool>.Failure(StoreErrorKind.Invalid, "the new password is the current one: choose another");
            }

            return await SetPasswordAsync(session, actor, user, newPassword, keepSessionId, "changed their own password", cancellationToken).ConfigureAwait(false);
        });

    public Task<StoreResult<bool>> ResetPasswordAsync(Actor actor, Guid userId, string newPassword, string? keepSessionId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (AccessPolicy.ManageUsers(actor) is { } denied)
            {
                return denied;
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var user = await LoadUserAsync(session, userId, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                return StoreResult<bool>.Failure(StoreErrorKind.NotFound, $"there is no user {userId}");
            }

            // The session kept open is the admin's own, and only when resetting their own password.
            string? keep = actor.UserId == userId ? keepSessionId : null;
            return await SetPasswordAsync(session, actor, user, newPassword, keep, "reset the password", cancellationToken).ConfigureAwait(false);
        });

    private async Task<StoreResult<bool>> SetPasswordAsync(
        StoreSession session, Actor actor, UserRow user, string newPassword, string? keepSessionId, string what, CancellationToken cancellationToken)
    {
        if (PasswordRules.Check(user.Name, newPassword) is { } weak)
        {
            return StoreResult<bool>.Failure(StoreErrorKind.Invalid, weak);
        }

        await session.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @id",
            StoreParameters.Of(new { id = user.Id, hash = PasswordHasher.Hash(newPassword) }), cancellationToken).ConfigureAwait(false);
        int ended = await EndUserSessionsAsync(session, user.Id, keepSessionId, cancellationToken).ConfigureAwait(false);
        await AuditAsync(session, actor, "user.password", user.Name, null, $"{what}; {ended} other session{(ended == 1 ? "" : "s")} ended", cancellationToken).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return StoreResult<bool>.Success(true);
    }
}
