namespace Signet.Admin.Api.Domains;

/// <summary>A domain to protect, as typed by a person (normalized to lower-case A-labels).</summary>
public sealed record AddDomainRequest(string? Name);

/// <summary>What to change on a domain; absent fields stay as they are.</summary>
public sealed record UpdateDomainRequest(bool? SigningEnabled, string? Subdomains);
