namespace Signet.Store.Model;

/// <summary>Which keys a hands-off rotation generates for a domain.</summary>
public enum RotationKeyKinds
{
    /// <summary>RSA 2048: every receiver verifies it (RFC 8301 §3.2 requires verifiers to accept 1024-4096).</summary>
    Rsa2048,

    /// <summary>Ed25519 (RFC 8463): small and fast, not yet verified by every receiver.</summary>
    Ed25519,

    /// <summary>Both, each under its own selector, so every receiver finds one it verifies.</summary>
    Both,
}
