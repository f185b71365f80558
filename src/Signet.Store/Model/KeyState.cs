namespace Signet.Store.Model;

/// <summary>Where a key is in its life: pending (generated or imported, not yet seen in DNS) → active (signing)
/// → retiring (no longer signing, record kept so mail in flight still verifies) → revoked (publish p= empty)
/// → deleted.</summary>
public enum KeyState
{
    Pending,
    Active,
    Retiring,
    Revoked,
    Deleted,
}
