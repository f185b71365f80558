namespace Signet.Admin.Tests.Support;

/// <summary>Who calls: nobody, a server admin, the admin of the domain the request is about, the admin of another domain.</summary>
public enum Role
{
    Anonymous,
    ServerAdmin,
    OwnDomainAdmin,
    OtherDomainAdmin,
}
