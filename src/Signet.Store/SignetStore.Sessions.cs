using System.Security.Cryptography;
using System.Text;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Persistence;

namespace Signet.Store;

/// <summary>Console sessions, kept in the store so that signing out, a password change or a user's removal ends them
/// on every node and across restarts; a copied cookie is worth nothing once its row is gone.</summary>
public sealed partial class SignetStore
{
    /// <summary>A session's last request is written at most this often: the idle timeout is hours long, and a write on
    /// every page view would make reading the console a stream of database writes.</summary>
    private static readonly TimeSpan LastSeenGranularity = TimeSpan.FromMinutes(1);

    public Task<StoreResult<bool>> StartSessionAsync(Actor actor, string sessionId, SessionLifetime lifetime, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(actor);
            ArgumentNullException.ThrowIfNull(lifetime);
            if (string.IsNullOrEmpty(sessionId))
            {
                return StoreResult<bool>.Failure(StoreErrorKind.Invalid, "a session needs an id");
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var now = Now;
            await session.ExecuteAsync(
                "INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, idle_ticks) VALUES (@id, @userId, @now, @now, @expiresAt, @idle)",
                StoreParameters.Of(new { id = SessionHash(sessionId), userId = actor.UserId.ToString("D"), now = now.UtcTicks, expiresAt = (now + lifetime.AbsoluteLifetime).UtcTicks, idle = lifetime.IdleTimeout.Ticks }),
                cancellationToken).ConfigureAwait(false);
            // Expired rows of anyone are dropped here, so the table holds live sessions only.
            await session.ExecuteAsync("DELETE FROM sessions WHERE expires_at <= @now OR last_seen_at + idle_ticks <= @now", StoreParameters.Of(new { now = now.UtcTicks }), cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<bool>.Success(true);
        });

    public Task<StoreResult<Actor?>> ResumeSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            string id = SessionHash(sessionId ?? string.Empty);
            // The session and its user in one query: every console request resumes its session, so this is per request.
            var row = await session.QuerySingleOrDefaultAsync<SessionRow>(
                "SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.idle_ticks, u.name AS user_name, u.role AS user_role "
                + "FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.id = @id", StoreParameters.Of(new { id }), cancellationToken).ConfigureAwait(false);
            var now = Now.UtcTicks;
            var user = row is { UserName: { } name, UserRole: { } role } ? new UserRow { Id = row.UserId, Name = name, Role = role } : null;
            if (row is null || user is null || now >= row.ExpiresAt || now - row.LastSeenAt >= row.IdleTicks)
            {
                await session.ExecuteAsync("DELETE FROM sessions WHERE id = @id", StoreParameters.Of(new { id }), cancellationToken).ConfigureAwait(false);
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                return StoreResult<Actor?>.Success(null);
            }

            if (now - row.LastSeenAt >= LastSeenGranularity.Ticks)
            {
                await session.ExecuteAsync("UPDATE sessions SET last_seen_at = @now WHERE id = @id", StoreParameters.Of(new { id, now }), cancellationToken).ConfigureAwait(false);
            }

            var actor = await ToActorAsync(session, user, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<Actor?>.Success(actor);
        });

    public Task<StoreResult<bool>> EndSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            int ended = await session.ExecuteAsync("DELETE FROM sessions WHERE id = @id", StoreParameters.Of(new { id = SessionHash(sessionId ?? string.Empty) }), cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<bool>.Success(ended > 0);
        });

    /// <summary>Ends every session of a user but <paramref name="keepSessionId"/> (the one making the change, if any).</summary>
    private static Task<int> EndUserSessionsAsync(StoreSession session, string userId, string? keepSessionId, CancellationToken cancellationToken) =>
        session.ExecuteAsync("DELETE FROM sessions WHERE user_id = @userId AND id <> @keep",
            StoreParameters.Of(new { userId, keep = keepSessionId is null ? string.Empty : SessionHash(keepSessionId) }), cancellationToken);

    private static string SessionHash(string sessionId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)));
}
