namespace Signet.Store.Model;

/// <summary>How mail from a subdomain of a protected domain is signed.</summary>
public enum SubdomainSigning
{
    /// <summary>Signed with the parent's keys, d= the parent (relaxed-aligned with the subdomain).</summary>
    UseParentKeys,

    /// <summary>Not signed with the parent's keys: each subdomain needs its own entry and keys.</summary>
    RequireOwnKeys,
}
