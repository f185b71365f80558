namespace Signet.Store.Model;

/// <summary>An API token as it can be shown: never the secret, only its first characters to recognise it by.</summary>
public sealed record TokenEntry(
    Guid Id, Guid UserId, string UserName, string Prefix, string Description, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt);
