using Signet.Store.Model;

namespace Signet.Store.Persistence;

/// <summary>A row of the domains table.</summary>
internal sealed class DomainRow
{
    public string Name { get; set; } = string.Empty;

    public long SigningEnabled { get; set; }

    public string Subdomains { get; set; } = string.Empty;

    public long CreatedAt { get; set; }

    public DomainEntry ToEntry() =>
        new(Name, SigningEnabled != 0, Enum.Parse<SubdomainSigning>(Subdomains), StoreTime.FromTicks(CreatedAt));
}

/// <summary>A row of the users table.</summary>
internal sealed class UserRow
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string PasswordHash { get; set; } = string.Empty;

    public long CreatedAt { get; set; }

    public UserEntry ToEntry(IReadOnlyList<string> domains) =>
        new(Guid.Parse(Id), Name, Enum.Parse<UserRole>(Role), domains, StoreTime.FromTicks(CreatedAt));
}

/// <summary>A row of the rotations table.</summary>
internal sealed class RotationRow
{
    public string Id { get; set; } = string.Empty;

    public string OldKeyId { get; set; } = string.Empty;

    public string NewKeyId { get; set; } = string.Empty;

    public string Step { get; set; } = string.Empty;

    public long StartedAt { get; set; }

    public long? SwitchedAt { get; set; }

    public long RevokeAfterTicks { get; set; }
}

/// <summary>A row of the audit table.</summary>
internal sealed class AuditRow
{
    public long Id { get; set; }

    public long At { get; set; }

    public string ActorId { get; set; } = string.Empty;

    public string Actor { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string Target { get; set; } = string.Empty;

    public string? Domain { get; set; }

    public string Detail { get; set; } = string.Empty;

    public long Count { get; set; } = 1;

    public string? Address { get; set; }

    public AuditEntry ToEntry() => new(Id, StoreTime.FromTicks(At), Actor, Action, Target, Detail, Count, string.IsNullOrEmpty(Address) ? null : Address);
}

/// <summary>A row of the user_domains table.</summary>
internal sealed class UserDomainRow
{
    public string UserId { get; set; } = string.Empty;

    public string Domain { get; set; } = string.Empty;
}

/// <summary>A row of the settings table.</summary>
internal sealed class SettingRow
{
    public string Name { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;
}
