using Signet.Store.Model;

namespace Signet.Store.Access;

/// <summary>Who may see and do what, decided here and nowhere else. Server admins may do everything. A domain admin
/// may see and manage the keys and settings of the domains assigned to them, and their own account and tokens.
/// <list type="bullet">
/// <item>Another domain, its keys and rotations: <see cref="StoreErrorKind.NotFound"/>, so a domain admin cannot learn
/// which other domains this server protects.</item>
/// <item>Things every admin knows exist (the server-wide key, server settings, other users, adding or removing
/// domains, exporting private keys): <see cref="StoreErrorKind.Forbidden"/>, which hides nothing and says why.</item>
/// <item>The audit log: a domain admin sees the entries about their domains and their own actions.</item>
/// </list></summary>
public static class AccessPolicy
{
    public static bool IsServerAdmin(Actor actor) => actor.Role == UserRole.ServerAdmin;

    /// <summary>Whether the actor may see a protected domain (and so its keys, rotations and settings).</summary>
    public static bool CanSeeDomain(Actor actor, string domain) => IsServerAdmin(actor) || actor.Domains.Contains(domain);

    public static StoreError? SeeDomain(Actor actor, string domain) =>
        CanSeeDomain(actor, domain) ? null : NoSuchDomain(domain);

    /// <summary>Keys of a domain follow the domain; the server-wide keys are for server admins.</summary>
    public static StoreError? ManageKeysOf(Actor actor, KeyOwner owner) => owner.Scope == KeyScope.Server
        ? ServerAdminOnly(actor, "the server-wide key")
        : SeeDomain(actor, owner.Domain ?? string.Empty);

    public static StoreError? ManageKey(Actor actor, KeyEntry key) => key.Scope == KeyScope.Server
        ? ServerAdminOnly(actor, "the server-wide key")
        : CanSeeDomain(actor, key.Domain) ? null : NoSuchKey(key.Id);

    /// <summary>Exporting a private key copies the secret off the server: server admins only, after the visibility check.</summary>
    public static StoreError? ExportKey(Actor actor, KeyEntry key) => ManageKey(actor, key) ?? ServerAdminOnly(actor, "exporting private keys");

    public static StoreError? AddOrRemoveDomains(Actor actor) => ServerAdminOnly(actor, "adding and removing domains");

    public static StoreError? ChangeServerSettings(Actor actor) => ServerAdminOnly(actor, "the server settings");

    /// <summary>A publisher holds a TSIG secret that can change a whole zone: server admins configure them.</summary>
    public static StoreError? ManagePublishers(Actor actor) => ServerAdminOnly(actor, "configuring DNS publishers");

    public static StoreError? ManageUsers(Actor actor) => ServerAdminOnly(actor, "managing users");

    /// <summary>Anyone may make tokens for themselves; only server admins for others.</summary>
    public static StoreError? CreateTokenFor(Actor actor, Guid userId) =>
        actor.UserId == userId ? null : ServerAdminOnly(actor, "creating tokens for other users");

    public static bool CanSeeUser(Actor actor, Guid userId) => IsServerAdmin(actor) || actor.UserId == userId;

    public static bool CanSeeAuditEntry(Actor actor, Guid actorId, string? domain) =>
        IsServerAdmin(actor) || actor.UserId == actorId || (domain is not null && actor.Domains.Contains(domain));

    public static StoreError NoSuchDomain(string domain) => new(StoreErrorKind.NotFound, $"there is no domain {domain}");

    public static StoreError NoSuchKey(Guid id) => new(StoreErrorKind.NotFound, $"there is no key {id}");

    private static StoreError? ServerAdminOnly(Actor actor, string what) => IsServerAdmin(actor)
        ? null
        : new StoreError(StoreErrorKind.Forbidden, $"{what} is for server admins; {actor.Name} is a domain admin");
}
