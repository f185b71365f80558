using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Store;

/// <summary>The part of <see cref="ISignetStore"/> for
/// keys and their lifecycle (pending → active → retiring → revoked → deleted) and the rotations started by hand.
/// Every call that acts for someone takes the <see cref="Actor"/>; role scope is enforced behind it, and every
/// change is audited.</summary>
public interface IKeyStore
{
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

    /// <summary>The private key as PKCS#8 PEM: server admins only, always audited.</summary>
    Task<StoreResult<string>> ExportPrivateKeyPemAsync(Actor actor, Guid keyId, CancellationToken cancellationToken);
}
