namespace Signet.Store.Model;

/// <summary>A person who manages Signet. The password hash never leaves the store.</summary>
public sealed record UserEntry(Guid Id, string Name, UserRole Role, IReadOnlyList<string> Domains, DateTimeOffset CreatedAt);
