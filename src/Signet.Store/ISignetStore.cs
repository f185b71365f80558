using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Store;

/// <summary>Everything the console, the REST API, the CLI, the milter and the relay do with domains, keys, users and
/// the audit log. Every call takes the <see cref="Actor"/> it acts for, and role scope is enforced behind this
/// interface in one place: a domain admin asking for another domain gets <see cref="StoreErrorKind.NotFound"/>.
/// Every change is audited. Private keys are encrypted at rest and never returned, except by
/// <see cref="ExportPrivateKeyPemAsync"/> (server admins only, audited).</summary>
public interface ISignetStore
{
    Task<StoreResult<IReadOnlyList<DomainEntry>>> ListDomainsAsync(Actor actor, CancellationToken cancellationToken);

    Task<StoreResult<DomainEntry>> GetDomainAsync(Actor actor, string domain, CancellationToken cancellationToken);

    Task<StoreResult<DomainEntry>> AddDomainAsync(Actor actor, string domain, CancellationToken cancellationToken);

    Task<StoreResult<DomainEntry>> UpdateDomainAsync(Actor actor, string domain, bool? signingEnabled, SubdomainSigning? subdomains, CancellationToken cancellationToken);

    /// <summary>Removes a domain and deletes its keys.</summary>
    Task<StoreResult<bool>> RemoveDomainAsync(Actor actor, string domain, CancellationToken cancellationToken);

    /// <summary>The keys of a domain or of the server, newest first; deleted keys are not listed.</summary>
    Task<StoreResult<IReadOnlyList<KeyEntry>>> ListKeysAsync(Actor actor, KeyOwner owner, CancellationToken cancellationToken);

    Task<StoreResult<KeyEntry>> GetKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken);

    /// <summary>Generates a key on the server; it starts pending. The selector must be free for that domain.</summary>
    Task<StoreResult<KeyEntry>> GenerateKeyAsync(Actor actor, KeyOwner owner, KeyGenerationRequest request, CancellationToken cancellationToken);

    /// <summary>Imports a private key made elsewhere (PKCS#8 PEM, PKCS#1 PEM, Ed25519 seed); weak keys are refused with the reason.</summary>
    Task<StoreResult<KeyEntry>> ImportKeyAsync(Actor actor, KeyOwner owner, string selector, ReadOnlyMemory<byte> privateKey, CancellationToken cancellationToken);

    /// <summary>Looks the key's record up in DNS now, records the outcome on the key and returns it.</summary>
    Task<StoreResult<KeyEntry>> CheckKeyDnsAsync(Actor actor, Guid keyId, CancellationToken cancellationToken);

    /// <summary>Pending → active. Refused while the DNS record is known to be missing or wrong, unless <paramref name="force"/>.</summary>
    Task<StoreResult<KeyEntry>> ActivateKeyAsync(Actor actor, Guid keyId, bool force, CancellationToken cancellationToken);

    /// <summary>Active → retiring: stops signing, the record stays published.</summary>
    Task<StoreResult<KeyEntry>> RetireKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken);

    /// <summary>→ revoked: the record to publish becomes p= empty.</summary>
    Task<StoreResult<KeyEntry>> RevokeKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken);

    /// <summary>→ deleted: the private key is destroyed.</summary>
    Task<StoreResult<bool>> DeleteKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken);

    /// <summary>Starts a rotation of an active key: a new key of the same kind under <paramref name="newSelector"/>, pending.</summary>
    Task<StoreResult<RotationEntry>> StartRotationAsync(Actor actor, Guid oldKeyId, string newSelector, CancellationToken cancellationToken);

    Task<StoreResult<IReadOnlyList<RotationEntry>>> ListRotationsAsync(Actor actor, KeyOwner owner, CancellationToken cancellationToken);

    /// <summary>Checks DNS for every rotation waiting for it and for pending keys, switches those whose record is
    /// published and matches, and revokes old keys whose period has passed. Run periodically by <c>signet serve</c>.</summary>
    Task<StoreResult<IReadOnlyList<RotationEntry>>> AdvanceRotationsAsync(Actor actor, CancellationToken cancellationToken);

    /// <summary>The DNS publishers: all for server admins; for a domain admin, those whose zone holds one of their domains.</summary>
    Task<StoreResult<IReadOnlyList<Model.PublisherEntry>>> ListPublishersAsync(Actor actor, CancellationToken cancellationToken);

    /// <summary>Adds an RFC 2136 publisher (server admins only); its TSIG secret is sealed under the master key.</summary>
    Task<StoreResult<Model.PublisherEntry>> AddPublisherAsync(Actor actor, Model.PublisherRequest request, CancellationToken cancellationToken);

    /// <summary>Removes a publisher no domain uses any more (server admins only).</summary>
    Task<StoreResult<bool>> RemovePublisherAsync(Actor actor, string name, CancellationToken cancellationToken);

    /// <summary>A domain's publisher and hands-off rotation settings (the defaults when never set: by hand, off).</summary>
    Task<StoreResult<Model.DomainRotationSettings>> GetRotationSettingsAsync(Actor actor, string domain, CancellationToken cancellationToken);

    /// <summary>Chooses a domain's publisher and rotation settings; domain admins may, for their domains.</summary>
    Task<StoreResult<Model.DomainRotationSettings>> SetRotationSettingsAsync(Actor actor, string domain, Model.DomainRotationSettings settings, CancellationToken cancellationToken);

    /// <summary>Where a domain's hands-off rotation stands: its settings, the current step, the next rotation, the last failure.</summary>
    Task<StoreResult<Model.AutomaticRotationStatus>> GetRotationStatusAsync(Actor actor, string domain, CancellationToken cancellationToken);

    /// <summary>Rotates at the next round whatever the interval says, and clears the back-off.</summary>
    Task<StoreResult<Model.AutomaticRotationStatus>> RequestRotationNowAsync(Actor actor, string domain, CancellationToken cancellationToken);

    /// <summary>Pauses (the current key keeps signing) or resumes a domain's hands-off rotation.</summary>
    Task<StoreResult<Model.AutomaticRotationStatus>> PauseRotationAsync(Actor actor, string domain, bool paused, CancellationToken cancellationToken);

    /// <summary>The private key as PKCS#8 PEM: server admins only, always audited.</summary>
    Task<StoreResult<string>> ExportPrivateKeyPemAsync(Actor actor, Guid keyId, CancellationToken cancellationToken);

    Task<StoreResult<ServerSettings>> GetServerSettingsAsync(Actor actor, CancellationToken cancellationToken);

    Task<StoreResult<ServerSettings>> UpdateServerSettingsAsync(Actor actor, string? hostName, bool? serverSigningEnabled, CancellationToken cancellationToken);

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
    Task<StoreResult<bool>> StartSessionAsync(Actor actor, string sessionId, Model.SessionLifetime lifetime, CancellationToken cancellationToken);

    /// <summary>The user a session belongs to, read afresh; null when the session was ended, timed out or its user removed.</summary>
    Task<StoreResult<Actor?>> ResumeSessionAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Ends a session at once (sign-out): the cookie that carried it no longer works anywhere.</summary>
    Task<StoreResult<bool>> EndSessionAsync(string sessionId, CancellationToken cancellationToken);

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

    Task<StoreResult<IReadOnlyList<AuditEntry>>> ListAuditAsync(Actor actor, int limit, CancellationToken cancellationToken);

    /// <summary>What the mail path signs with now: enabled domains, their active keys (decrypted), the server-wide
    /// keys when enabled, and the users with their domains. Cheap to call repeatedly: callers cache it and ask again when <see cref="GetRevisionAsync"/> changes.</summary>
    Task<SigningSnapshot> GetSigningSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>The same configuration with no private key opened (<see cref="SigningSnapshot.PrivateKeys"/> empty): for
    /// explaining a decision, which needs only which keys would sign.</summary>
    Task<SigningSnapshot> GetPolicySnapshotAsync(CancellationToken cancellationToken);

    /// <summary>A number that changes whenever anything that affects signing changes (on any node sharing the database).</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken);
}
