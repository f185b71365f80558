using Signet.Store.Model;

namespace Signet.Store.Access;

/// <summary>Who is acting: every store operation takes one, and <see cref="AccessPolicy"/> decides in one place
/// what it may see and do.</summary>
public sealed record Actor(Guid UserId, string Name, UserRole Role, IReadOnlySet<string> Domains)
{
    /// <summary>The local administrator at the server's command line (root or the service account).</summary>
    public static Actor LocalAdministrator { get; } =
        new(Guid.Empty, "local administrator", UserRole.ServerAdmin, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
}
