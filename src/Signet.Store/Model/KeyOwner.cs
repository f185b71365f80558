namespace Signet.Store.Model;

/// <summary>Whose keys an operation is about: one protected domain, or the server-wide key set.</summary>
public sealed record KeyOwner(KeyScope Scope, string? Domain)
{
    public static KeyOwner Server { get; } = new(KeyScope.Server, null);

    public static KeyOwner ForDomain(string domain) => new(KeyScope.Domain, domain);
}
