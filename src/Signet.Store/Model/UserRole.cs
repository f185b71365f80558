namespace Signet.Store.Model;

/// <summary>Server admins manage everything; domain admins manage only the domains assigned to them.</summary>
public enum UserRole
{
    ServerAdmin,
    DomainAdmin,
}
