using Signet.Store.Model;

namespace Signet.Store.Persistence;

/// <summary>A row of the tokens table joined with its user's name.</summary>
internal sealed class TokenRow
{
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string UserName { get; set; } = string.Empty;

    /// <summary>The user's role, read only when checking a token, so the check needs no second look-up of the user.</summary>
    public string? UserRole { get; set; }

    public string? Prefix { get; set; }

    public string Description { get; set; } = string.Empty;

    public long CreatedAt { get; set; }

    public long? LastUsedAt { get; set; }

    public long? ExpiresAt { get; set; }

    // Tokens made before prefixes were kept show only the common prefix.
    public TokenEntry ToEntry() => new(Guid.Parse(Id), Guid.Parse(UserId), UserName, Prefix ?? "sgt_", Description,
        StoreTime.FromTicks(CreatedAt), LastUsedAt is { } used ? StoreTime.FromTicks(used) : null, ExpiresAt is { } expires ? StoreTime.FromTicks(expires) : null);
}
