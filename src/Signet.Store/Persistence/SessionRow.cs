namespace Signet.Store.Persistence;

/// <summary>A row of the sessions table; the id is the SHA-256 of the session's secret, never the secret.</summary>
internal sealed class SessionRow
{
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public long CreatedAt { get; set; }

    public long LastSeenAt { get; set; }

    public long ExpiresAt { get; set; }

    public long IdleTicks { get; set; }

    /// <summary>The session's user, read with the session in one query; null when the user was removed.</summary>
    public string? UserName { get; set; }

    public string? UserRole { get; set; }
}
