using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Persistence;
using Signet.Store.Security;

namespace Signet.Store;

/// <summary>API tokens: created (optionally with an expiry), listed without their secret, revoked, and checked.</summary>
public sealed partial class SignetStore
{
    /// <summary>When a token was last used is written at most this often, so a busy script does not write on every call.</summary>
    private static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    private const string TokenColumns =
        "t.id, t.user_id, u.name AS user_name, t.prefix, t.description, t.created_at, t.last_used_at, t.expires_at";

    public Task<StoreResult<string>> CreateTokenAsync(Actor actor, Guid userId, string description, CancellationToken cancellationToken) =>
        CreateTokenAsync(actor, userId, description, null, cancellationToken);

    public Task<StoreResult<string>> CreateTokenAsync(Actor actor, Guid userId, string description, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (AccessPolicy.CreateTokenFor(actor, userId) is { } denied)
            {
                return denied;
            }

            if (expiresAt is { } expiry && expiry <= Now)
            {
                return StoreResult<string>.Failure(StoreErrorKind.Invalid, "the expiry must be in the future");
            }

            description = (description ?? string.Empty).Trim();
            if (description.Length > 200 || description.Any(char.IsControl))
            {
                return StoreResult<string>.Failure(StoreErrorKind.Invalid, "a token description is at most 200 characters, without control characters");
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var user = await LoadUserAsync(session, userId, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                return StoreResult<string>.Failure(StoreErrorKind.NotFound, $"there is no user {userId}");
            }

            string token = ApiTokens.Create();
            await session.ExecuteAsync(
                "INSERT INTO tokens (id, user_id, description, hash, created_at, prefix, expires_at) VALUES (@id, @userId, @description, @hash, @createdAt, @prefix, @expiresAt)",
                StoreParameters.Of(new
                {
                    id = Guid.NewGuid().ToString("D"), userId = user.Id, description, hash = ApiTokens.HashOf(token), createdAt = Now.UtcTicks,
                    prefix = ApiTokens.PrefixOf(token), expiresAt = StoreTime.Ticks(expiresAt),
                }),
                cancellationToken).ConfigureAwait(false);
            string until = expiresAt is { } end ? $", expires {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : ", does not expire";
            await AuditAsync(session, actor, "token.create", user.Name, null, $"created a token \"{description}\" ({ApiTokens.PrefixOf(token)}…{until})", cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<string>.Success(token);
        });

    public Task<StoreResult<IReadOnlyList<TokenEntry>>> ListTokensAsync(Actor actor, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<TokenEntry>>(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var rows = await session.QueryAsync<TokenRow>(
                $"SELECT {TokenColumns} FROM tokens t JOIN users u ON u.id = t.user_id ORDER BY u.name, t.created_at", null, cancellationToken).ConfigureAwait(false);
            return StoreResult<IReadOnlyList<TokenEntry>>.Success(
                rows.Where(r => AccessPolicy.CanSeeUser(actor, Guid.Parse(r.UserId))).Select(r => r.ToEntry()).ToList());
        });

    public Task<StoreResult<bool>> RevokeTokenAsync(Actor actor, Guid tokenId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var row = await session.QuerySingleOrDefaultAsync<TokenRow>(
                $"SELECT {TokenColumns} FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.id = @id", StoreParameters.Of(new { id = tokenId.ToString("D") }), cancellationToken).ConfigureAwait(false);
            // Another user's token is "not found" to a domain admin: its existence is not theirs to learn.
            if (row is null || !AccessPolicy.CanSeeUser(actor, Guid.Parse(row.UserId)))
            {
                return StoreResult<bool>.Failure(StoreErrorKind.NotFound, $"there is no token {tokenId}");
            }

            await session.ExecuteAsync("DELETE FROM tokens WHERE id = @id", StoreParameters.Of(new { id = row.Id }), cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "token.revoke", row.UserName, null, $"revoked the token \"{row.Description}\" ({row.Prefix ?? ApiTokens.Prefix}…)", cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<bool>.Success(true);
        });

    public async Task<StoreResult<Actor?>> AuthenticateTokenAsync(string token, CancellationToken cancellationToken)
    {
        var check = await CheckTokenAsync(token, cancellationToken).ConfigureAwait(false);
        return check.TryGetValue(out var answer, out var error) ? StoreResult<Actor?>.Success(answer.Actor) : error;
    }

    public Task<StoreResult<TokenCheck>> CheckTokenAsync(string token, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            const string unknown = "the API token is not known (mistyped, revoked, or its user was removed): create a new one with signet token create --user NAME";
            if (!ApiTokens.LooksLikeToken(token ?? string.Empty))
            {
                return StoreResult<TokenCheck>.Success(TokenCheck.Refused(unknown));
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var row = await session.QuerySingleOrDefaultAsync<TokenRow>(
                $"SELECT {TokenColumns}, u.role AS user_role FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = @hash",
                StoreParameters.Of(new { hash = ApiTokens.HashOf(token!) }), cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return StoreResult<TokenCheck>.Success(TokenCheck.Refused(unknown));
            }

            var now = Now;
            if (row.ExpiresAt is { } expires && now.UtcTicks >= expires)
            {
                return StoreResult<TokenCheck>.Success(TokenCheck.Refused(
                    $"the API token \"{row.Description}\" ({row.Prefix}…) expired on {StoreTime.FromTicks(expires).UtcDateTime:yyyy-MM-dd HH:mm} UTC: create a new one"));
            }

            if (row.LastUsedAt is not { } used || now.UtcTicks - used >= LastUsedGranularity.Ticks)
            {
                await session.ExecuteAsync("UPDATE tokens SET last_used_at = @now WHERE id = @id", StoreParameters.Of(new { id = row.Id, now = now.UtcTicks }), cancellationToken).ConfigureAwait(false);
            }

            // The user came with the token's row: one look-up of the user per request, then their domains.
            var user = new UserRow { Id = row.UserId, Name = row.UserName, Role = row.UserRole ?? string.Empty };
            var actor = await ToActorAsync(session, user, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<TokenCheck>.Success(TokenCheck.Accepted(actor));
        });
}
