namespace Signet.Store;

/// <summary>The part of <see cref="ISignetStore"/> the mail path and the policy explanation read: the signing
/// configuration as one snapshot, and the revision that says when to read it again. Not scoped to an actor: the
/// mail path acts for nobody, and whoever explains a decision filters what they show.</summary>
public interface ISigningSnapshotSource
{
    /// <summary>What the mail path signs with now: enabled domains, their active keys (decrypted), the server-wide
    /// keys when enabled, and the users with their domains. Cheap to call repeatedly: callers cache it and ask again when <see cref="GetRevisionAsync"/> changes.</summary>
    Task<SigningSnapshot> GetSigningSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>The same configuration with no private key opened (<see cref="SigningSnapshot.PrivateKeys"/> empty): for
    /// explaining a decision, which needs only which keys would sign.</summary>
    Task<SigningSnapshot> GetPolicySnapshotAsync(CancellationToken cancellationToken);

    /// <summary>A number that changes whenever anything that affects signing changes (on any node sharing the database).</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken);
}
