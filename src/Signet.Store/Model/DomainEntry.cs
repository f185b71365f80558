namespace Signet.Store.Model;

/// <summary>A protected domain (lower-case A-label).</summary>
public sealed record DomainEntry(string Name, bool SigningEnabled, SubdomainSigning Subdomains, DateTimeOffset CreatedAt);
