using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Persistence;
using Signet.Store.Security;

namespace Signet.Store;

/// <summary>Users, sign-in, API tokens and the audit log.</summary>
public sealed partial class SignetStore
{
    // NIST SP 800-63B §5.1.1.2: memorized secrets of at least 8 characters; we ask for 12 for admins.
    private const int MinimumPasswordLength = 12;
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

            if ((password ?? string.Empty).Length < MinimumPasswordLength)
            {
                return StoreResult<UserEntry>.Failure(StoreErrorKind.Invalid, $"the password must be at least {MinimumPasswordLength} characters long");
            }

            string hash = PasswordHasher.Hash(password!);
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            if (await session.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE name = @name", new { name }, cancellationToken).ConfigureAwait(false) > 0)
            {
                return StoreResult<UserEntry>.Failure(StoreErrorKind.Conflict, $"there is already a user named {name}");
            }

            var id = Guid.NewGuid();
            await session.ExecuteAsync($"INSERT INTO users ({UserColumns}) VALUES (@id, @name, @role, @hash, @createdAt)",
                new { id = id.ToString("D"), name, role = role.ToString(), hash, createdAt = Now.UtcTicks }, cancellationToken).ConfigureAwait(false);
            var assigned = await AssignDomainsAsync(session, id, role, domains, cancellationToken).ConfigureAwait(false);
            if (!assigned.Succeeded)
            {
                return assigned.Error!;
            }

            await AuditAsync(session, actor, "user.add", name, null, $"added as {role} for {Describe(assigned.Value!)}", cancellationToken).ConfigureAwait(false);
            // Who may send for which domain is part of the signing snapshot (SubmissionPolicy): the mail path must see this.
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<UserEntry>.Success(new UserEntry(id, name, role, assigned.Value!, Now));
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

            await session.ExecuteAsync("DELETE FROM user_domains WHERE user_id = @id", new { id = user.Id }, cancellationToken).ConfigureAwait(false);
            var assigned = await AssignDomainsAsync(session, userId, Enum.Parse<UserRole>(user.Role), domains, cancellationToken).ConfigureAwait(false);
            if (!assigned.Succeeded)
            {
                return assigned.Error!;
            }

            await AuditAsync(session, actor, "user.domains", user.Name, null, "domains set to " + Describe(assigned.Value!), cancellationToken).ConfigureAwait(false);
            // Who may send for which domain is part of the signing snapshot (SubmissionPolicy): the mail path must see this.
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<UserEntry>.Success(user.ToEntry(assigned.Value!));
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
            await session.ExecuteAsync("DELETE FROM tokens WHERE user_id = @id", id, cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync("DELETE FROM user_domains WHERE user_id = @id", id, cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync("DELETE FROM users WHERE id = @id", id, cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "user.remove", user.Name, null, "removed the user and their tokens", cancellationToken).ConfigureAwait(false);
            // Who may send for which domain is part of the signing snapshot (SubmissionPolicy): the mail path must see this.
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<bool>.Success(true);
        });

    public Task<StoreResult<Actor?>> AuthenticatePasswordAsync(string name, string password, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var user = await session.QuerySingleOrDefaultAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE name = @name",
                new { name = name ?? string.Empty }, cancellationToken).ConfigureAwait(false);
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

            var signedIn = matches ? await ToActorAsync(session, user!, cancellationToken).ConfigureAwait(false) : null;
            var who = signedIn ?? new Actor(user is null ? Guid.Empty : Guid.Parse(user.Id), name ?? string.Empty, UserRole.DomainAdmin, new HashSet<string>());
            await AuditAsync(session, who, matches ? "signin.success" : "signin.failure", name ?? string.Empty, null,
                matches ? "signed in with a password" : user is null ? "no such user" : "wrong password", cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<Actor?>.Success(signedIn);
        });

    public Task<StoreResult<string>> CreateTokenAsync(Actor actor, Guid userId, string description, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (AccessPolicy.CreateTokenFor(actor, userId) is { } denied)
            {
                return denied;
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var user = await LoadUserAsync(session, userId, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                return StoreResult<string>.Failure(StoreErrorKind.NotFound, $"there is no user {userId}");
            }

            string token = ApiTokens.Create();
            await session.ExecuteAsync(
                "INSERT INTO tokens (id, user_id, description, hash, created_at) VALUES (@id, @userId, @description, @hash, @createdAt)",
                new { id = Guid.NewGuid().ToString("D"), userId = user.Id, description = description ?? string.Empty, hash = ApiTokens.HashOf(token), createdAt = Now.UtcTicks },
                cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "token.create", user.Name, null, $"created a token \"{description}\"", cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<string>.Success(token);
        });

    public Task<StoreResult<Actor?>> AuthenticateTokenAsync(string token, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (!ApiTokens.LooksLikeToken(token ?? string.Empty))
            {
                return StoreResult<Actor?>.Success(null);
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var user = await session.QuerySingleOrDefaultAsync<UserRow>(
                "SELECT u.id, u.name, u.role, u.password_hash, u.created_at FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = @hash",
                new { hash = ApiTokens.HashOf(token!) }, cancellationToken).ConfigureAwait(false);
            return StoreResult<Actor?>.Success(user is null ? null : await ToActorAsync(session, user, cancellationToken).ConfigureAwait(false));
        });

    public Task<StoreResult<IReadOnlyList<AuditEntry>>> ListAuditAsync(Actor actor, int limit, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<AuditEntry>>(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var parameters = new Dapper.DynamicParameters(new { actorId = actor.UserId.ToString("D"), limit = (long)Math.Clamp(limit, 1, 10_000) });
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
                $"SELECT id, at, actor_id, actor, action, target, domain, detail FROM audit {filter} ORDER BY id DESC LIMIT @limit",
                parameters, cancellationToken).ConfigureAwait(false);
            return StoreResult<IReadOnlyList<AuditEntry>>.Success(
                rows.Where(r => AccessPolicy.CanSeeAuditEntry(actor, Guid.Parse(r.ActorId), r.Domain)).Select(r => r.ToEntry()).ToList());
        });

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
                    new { userId = userId.ToString("D"), name }, cancellationToken).ConfigureAwait(false);
            }
        }

        return StoreResult<IReadOnlyList<string>>.Success(names);
    }

    private static Task<UserRow?> LoadUserAsync(StoreSession session, Guid userId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE id = @id", new { id = userId.ToString("D") }, cancellationToken);

    private static Task<IReadOnlyList<string>> LoadUserDomainsAsync(StoreSession session, string userId, CancellationToken cancellationToken) =>
        session.QueryAsync<string>("SELECT domain FROM user_domains WHERE user_id = @userId ORDER BY domain", new { userId }, cancellationToken);

    private static async Task<Actor> ToActorAsync(StoreSession session, UserRow user, CancellationToken cancellationToken)
    {
        var domains = await LoadUserDomainsAsync(session, user.Id, cancellationToken).ConfigureAwait(false);
        return new Actor(Guid.Parse(user.Id), user.Name, Enum.Parse<UserRole>(user.Role), new HashSet<string>(domains, StringComparer.OrdinalIgnoreCase));
    }

    private static string Describe(IReadOnlyList<string> domains) => domains.Count == 0 ? "no domains" : string.Join(", ", domains);
}
