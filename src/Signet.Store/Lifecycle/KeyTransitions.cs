using Signet.Store.Model;

namespace Signet.Store.Lifecycle;

/// <summary>The key lifecycle as a table: which state may go to which, and, for every step that may not, the
/// sentence that says why and what to do instead.</summary>
public static class KeyTransitions
{
    private static readonly Dictionary<(KeyState From, KeyState To), string> Refusals = new()
    {
        [(KeyState.Active, KeyState.Active)] = "the key is already active",
        [(KeyState.Revoked, KeyState.Active)] = "the key is revoked: its record says p= empty, so receivers reject its signatures; generate a new key",
        [(KeyState.Deleted, KeyState.Active)] = "the key is deleted: its private key is gone",
        [(KeyState.Pending, KeyState.Retiring)] = "the key never signed, so there is nothing to retire: delete it instead",
        [(KeyState.Retiring, KeyState.Retiring)] = "the key is already retiring",
        [(KeyState.Revoked, KeyState.Retiring)] = "the key is already revoked",
        [(KeyState.Deleted, KeyState.Retiring)] = "the key is deleted",
        [(KeyState.Active, KeyState.Revoked)] = "the key is still signing: retire it first, and revoke it once mail signed with it has been delivered",
        [(KeyState.Revoked, KeyState.Revoked)] = "the key is already revoked",
        [(KeyState.Deleted, KeyState.Revoked)] = "the key is deleted",
        [(KeyState.Active, KeyState.Deleted)] = "the key is still signing: retire it first",
        [(KeyState.Deleted, KeyState.Deleted)] = "the key is already deleted",
    };

    /// <summary>Null when <paramref name="from"/> may become <paramref name="to"/>, else the Conflict that says why not.</summary>
    public static StoreError? Check(KeyEntry key, KeyState to)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (to == KeyState.Pending)
        {
            return new StoreError(StoreErrorKind.Conflict, $"key {key.RecordName} cannot go back to pending");
        }

        return Refusals.TryGetValue((key.State, to), out string? reason)
            ? new StoreError(StoreErrorKind.Conflict, $"key {key.RecordName} cannot become {to.ToString().ToLowerInvariant()}: {reason}")
            : null;
    }
}
