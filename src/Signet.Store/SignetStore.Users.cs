using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Persistence;
using Signet.Store.Security;

namespace Signet.Store;

/// <summary>Users, sign-in, API tokens and the audit log.</summary>
public sealed partial class SignetStore
{
    /// <summary>Failed sign-ins for one user name from one address within this window share one audit row with a
    /// count, so a guessing script cannot push the real actions off the audit page or grow the table without end.</summary>
    public static readonly TimeSpan FailedSignInAuditWindow = TimeSpan.FromHours(1);

    private const string UserColumns = "id, name, role, password_hash, created_at";

    public Task<StoreResult<IReadOnlyList<UserEntry>>> ListUsersAsync(Actor actor, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<UserEntry>>(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var rows = await session.QueryAsync<UserRow>($"SELECT {UserColumns} FROM users ORDER BY name", null, cancellationToken).ConfigureAwait(false);
            var users = new List<UserEntry>();
            foreach (var row in rows.Where(r => AccessPolicy.CanSeeUser(actor, Guid.Parse(r.Id))))
            {
                users.Add(row.ToEntry(await LoadUserDomainsAsync(session, row.Id, cancellationToken).ConfigureAwait(false)));
            }

            return StoreResult<IReadOnlyList<UserEntry>>.Success(users);
        });

    public Task<StoreResult<UserEntry>> AddUserAsync(
        Actor actor, string name, UserRole role, string password, IReadOnlyList<string> domains, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (AccessPolicy.ManageUsers(actor) is { } denied)
            {
                return denied;
            }

            name = (name ?? string.Empty).Trim();
            if (name.Length == 0 || name.Any(char.IsControl))
            {
                return StoreResult<UserEntry>.Failure(StoreErrorKind.Invalid, "a user needs a name without control characters");
            }

            if (PasswordRules.Check(name, password!) is { } weak)
            {
                return StoreResult<UserEntry>.Failure(StoreErrorKind.Invalid, weak);
            }

            string hash = PasswordHasher.Hash(password!);
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            if (await session.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE name = @name", StoreParameters.Of(new { name }), cancellationToken).ConfigureAwait(false) > 0)
            {
                return StoreResult<UserEntry>.Failure(StoreErrorKind.Conflict, $"there is already a user named {name}");
            }

            var id = Guid.NewGuid();
            await session.ExecuteAsync($"INSERT INTO users ({UserColumns}) VALUES (@id, @name, @role, @hash, @createdAt)",
                StoreParameters.Of(new { id = id.ToString("D"), name, role = role.ToString(), hash, createdAt = Now.UtcTicks }), cancellationToken).ConfigureAwait(false);
            var assigned = await AssignDomainsAsync(session, id, role, domains, cancellationToken).ConfigureAwait(false);
            if (!assigned.TryGetValue(out var names, out var error))
            {
                return error;
            }

            await AuditAsync(session, actor, "user.add", name, null, $"added as {role} for {Describe(names)}", cancellationToken).ConfigureAwait(false);
            // Who may send for which domain is part of the signing snapshot (SubmissionPolicy): the mail path must see this.
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<UserEntry>.Success(new UserEntry(id, name, role, names, Now));
        });

    public Task<StoreResult<UserEntry>> SetUserDomainsAsync(Actor actor, Guid userId, IReadOnlyList<string> domains, CancellationToken cancellationToken) =>
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
                return StoreResult<UserEntry>.Failure(StoreErrorKind.NotFound, $"there is no user {userId}");
            }

            await session.ExecuteAsync("DELETE FROM user_domains WHERE user_id = @id", StoreParameters.Of(new { id = user.Id }), cancellationToken).ConfigureAwait(false);
            var assigned = await AssignDomainsAsync(session, userId, Enum.Parse<UserRole>(user.Role), domains, cancellationToken).ConfigureAwait(false);
            if (!assigned.TryGetValue(out var value, out var error))
            {
                return error;
            }

            await AuditAsync(session, actor, "user.domains", user.Name, null, "domains set to " + Describe(value), cancellationToken).ConfigureAwait(false);
            // Who may send for which domain is part of the signing snapshot (SubmissionPolicy): the mail path must see this.
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<UserEntry>.Success(user.ToEntry(value));
        });

    public Task<StoreResult<bool>> RemoveUserAsync(Actor actor, Guid userId, CancellationToken cancellationToken) =>
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

            var id = new { id = user.Id };
            await session.ExecuteAsync("DELETE FROM tokens WHERE user_id = @id", StoreParameters.Of(id), cancellationToken).ConfigureAwait(false);
            await EndUserSessionsAsync(session, user.Id, null, cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync("DELETE FROM user_domains WHERE user_id = @id", StoreParameters.Of(id), cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync("DELETE FROM users WHERE id = @id", StoreParameters.Of(id), cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "user.remove", user.Name, null, "removed the user, their sessions and their tokens", cancellationToken).ConfigureAwait(false);
            // Who may send for which domain is part of the signing snapshot (SubmissionPolicy): the mail path must see this.
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<bool>.Success(true);
        });

    public Task<StoreResult<Actor?>> AuthenticatePasswordAsync(string name, string password, CancellationToken cancellationToken) =>
        AuthenticatePasswordAsync(name, password, null, cancellationToken);

    public Task<StoreResult<Actor?>> AuthenticatePasswordAsync(string name, string password, string? address, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var user = await session.QuerySingleOrDefaultAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE name = @name",
                StoreParameters.Of(new { name = name ?? string.Empty }), cancellationToken).ConfigureAwait(false);
            bool matches;
            if (user is null)
            {
                // The same work as a wrong password, so timing does not tell which names exist.
                PasswordHasher.VerifyNothing(password ?? string.Empty);
                matches = false;
            }
            else
            {
                matches = PasswordHasher.Verify(password ?? string.Empty, user.PasswordHash);
            }

            if (matches)
            {
                var signedIn = await ToActorAsync(session, user!, cancellationToken).ConfigureAwait(false);
                await AuditAsync(session, signedIn, "signin.success", signedIn.Name, null, "signed in with a password" + From(address), cancellationToken).ConfigureAwait(false);
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                return StoreResult<Actor?>.Success(signedIn);
            }

            await AuditFailedSignInAsync(session, user, name ?? string.Empty, address, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<Actor?>.Success(null);
        });

    public Task<StoreResult<IReadOnlyList<AuditEntry>>> ListAuditAsync(Actor actor, int limit, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<AuditEntry>>(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var parameters = StoreParameters.Of(new { actorId = actor.UserId.ToString("D"), limit = (long)Math.Clamp(limit, 1, 10_000) });
            string filter = string.Empty;
            if (!AccessPolicy.IsServerAdmin(actor))
            {
                // One parameter per domain, written out: both backends read the same SQL.
                var names = actor.Domains.Select((domain, index) => (Name: $"domain{index}", Domain: domain)).ToList();
                names.ForEach(n => parameters.Add(n.Name, n.Domain));
                filter = names.Count == 0
                    ? "WHERE actor_id = @actorId"
                    : $"WHERE actor_id = @actorId OR domain IN ({string.Join(", ", names.Select(n => "@" + n.Name))})";
            }

            var rows = await session.QueryAsync<AuditRow>(
                $"SELECT id, at, actor_id, actor, action, target, domain, detail, count, address FROM audit {filter} ORDER BY id DESC LIMIT @limit",
                parameters, cancellationToken).ConfigureAwait(false);
            return StoreResult<IReadOnlyList<AuditEntry>>.Success(
                rows.Where(r => AccessPolicy.CanSeeAuditEntry(actor, Guid.Parse(r.ActorId), r.Domain)).Select(r => r.ToEntry()).ToList());
        });

    /// <summary>One row per user name and address per <see cref="FailedSignInAuditWindow"/>, counting the failures.</summary>
    private async Task AuditFailedSignInAsync(StoreSession session, UserRow? user, string name, string? address, CancellationToken cancellationToken)
    {
        var now = Now;
        long? existing = await session.ScalarAsync<long?>(
            "SELECT MAX(id) FROM audit WHERE action = 'signin.failure' AND target = @name AND address = @address AND at > @since",
            StoreParameters.Of(new { name, address = address ?? string.Empty, since = (now - FailedSignInAuditWindow).UtcTicks }), cancellationToken).ConfigureAwait(false);
        if (existing is { } id)
        {
            await session.ExecuteAsync("UPDATE audit SET count = count + 1, at = @at WHERE id = @id", StoreParameters.Of(new { id, at = now.UtcTicks }), cancellationToken).ConfigureAwait(false);
            return;
        }

        var who = new Actor(user is null ? Guid.Empty : Guid.Parse(user.Id), name, UserRole.DomainAdmin, new HashSet<string>());
        await session.ExecuteAsync(
            "INSERT INTO audit (at, actor_id, actor, action, target, domain, detail, count, address) VALUES (@at, @actorId, @actorName, 'signin.failure', @target, NULL, @detail, 1, @address)",
            StoreParameters.Of(new { at = now.UtcTicks, actorId = who.UserId.ToString("D"), actorName = who.Name, target = name, detail = (user is null ? "no such user" : "wrong password") + From(address), address = address ?? string.Empty }),
            cancellationToken).ConfigureAwait(false);
    }

    private static string From(string? address) => string.IsNullOrEmpty(address) ? string.Empty : " from " + address;

    private static async Task<StoreResult<IReadOnlyList<string>>> AssignDomainsAsync(
        StoreSession session, Guid userId, UserRole role, IReadOnlyList<string> domains, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (string domain in role == UserRole.ServerAdmin ? [] : domains ?? [])
        {
            if (!DomainNames.TryNormalize(domain, out string name, out _)
                || await LoadDomainAsync(session, name, cancellationToken).ConfigureAwait(false) is null)
            {
                return StoreResult<IReadOnlyList<string>>.Failure(StoreErrorKind.Invalid, $"{domain} is not a protected domain: add it first");
            }

            if (!names.Contains(name))
            {
                names.Add(name);
                await session.ExecuteAsync("INSERT INTO user_domains (user_id, domain) VALUES (@userId, @name)",
                    StoreParameters.Of(new { userId = userId.ToString("D"), name }), cancellationToken).ConfigureAwait(false);
            }
        }

        return StoreResult<IReadOnlyList<string>>.Success(names);
    }

    private static Task<UserRow?> LoadUserAsync(StoreSession session, Guid userId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE id = @id", StoreParameters.Of(new { id = userId.ToString("D") }), cancellationToken);

    private static Task<IReadOnlyList<string>> LoadUserDomainsAsync(StoreSession session, string userId, CancellationToken cancellationToken) =>
        session.QueryAsync<string>("SELECT domain FROM user_domains WHERE user_id = @userId ORDER BY domain", StoreParameters.Of(new { userId }), cancellationToken);

    private static async Task<Actor> ToActorAsync(StoreSession session, UserRow user, CancellationToken cancellationToken)
    {
        var domains = await LoadUserDomainsAsync(session, user.Id, cancellationToken).ConfigureAwait(false);
        return new Actor(Guid.Parse(user.Id), user.Name, Enum.Parse<UserRole>(user.Role), new HashSet<string>(domains, StringComparer.OrdinalIgnoreCase));
    }

    private static string Describe(IReadOnlyList<string> domains) => domains.Count == 0 ? "no domains" : string.Join(", ", domains);
}
