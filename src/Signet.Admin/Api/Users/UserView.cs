using Signet.Store.Model;

namespace Signet.Admin.Api.Users;

/// <summary>A user as the API shows it; <c>role</c> is <c>serverAdmin</c> or <c>domainAdmin</c>. The password hash
/// never leaves the store.</summary>
public sealed record UserView(Guid Id, string Name, string Role, IReadOnlyList<string> Domains, DateTimeOffset CreatedAt)
{
    public const string ServerAdmin = "serverAdmin";
    public const string DomainAdmin = "domainAdmin";

    public static UserView From(UserEntry user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserView(user.Id, user.Name, user.Role == UserRole.ServerAdmin ? ServerAdmin : DomainAdmin, user.Domains, user.CreatedAt);
    }

    public static bool TryParseRole(string? text, out UserRole role)
    {
        role = string.Equals(text, ServerAdmin, StringComparison.OrdinalIgnoreCase) ? UserRole.ServerAdmin : UserRole.DomainAdmin;
        return role == UserRole.ServerAdmin || string.Equals(text, DomainAdmin, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>A user to add. The password is only ever read, never sent back or logged.</summary>
public sealed record AddUserRequest(string? Name, string? Role, string? Password, IReadOnlyList<string>? Domains);

/// <summary>The domains a domain admin manages (replacing the ones they had).</summary>
public sealed record SetUserDomainsRequest(IReadOnlyList<string>? Domains);

/// <summary>The new password for <c>PUT /api/users/{id}/password</c>.</summary>
public sealed record SetUserPasswordRequest(string? Password);
