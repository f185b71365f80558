using Signet.Store.Model;

namespace Signet.Admin.Api.Tokens;

/// <summary>An API token as the API shows it: never the secret, only its first characters.</summary>
public sealed record TokenView(Guid Id, Guid UserId, string UserName, string Prefix, string Description, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt)
{
    public static TokenView From(TokenEntry token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.Id, token.UserId, token.UserName, token.Prefix, token.Description, token.CreatedAt, token.LastUsedAt, token.ExpiresAt);
    }
}
