using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Admin.Api.Keys;

/// <summary>Whose keys a request is about (<c>/api/domains/{domain}/…</c> or <c>/api/server/…</c>), and the check that
/// a key id in the path belongs to that owner, so a key is reachable under one path only.</summary>
public static class KeyOwners
{
    public const string DomainRouteValue = "domain";

    public static KeyOwner Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.GetRouteValue(DomainRouteValue) is string domain ? KeyOwner.ForDomain(domain) : KeyOwner.Server;
    }

    /// <summary>The key, when the actor may see it and it belongs to <paramref name="owner"/>; else NotFound (or the
    /// store's Forbidden for the server-wide key).</summary>
    public static async Task<StoreResult<KeyEntry>> LoadAsync(IKeyStore store, Actor actor, KeyOwner owner, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(owner);
        var key = await store.GetKeyAsync(actor, id, cancellationToken).ConfigureAwait(false);
        if (!key.TryGetValue(out var entry, out _) || Belongs(entry, owner))
        {
            return key;
        }

        return StoreResult<KeyEntry>.Failure(StoreErrorKind.NotFound, owner.Scope == KeyScope.Server
            ? $"there is no server-wide key {id}"
            : $"there is no key {id} in {owner.Domain}");
    }

    /// <summary>The path of key <paramref name="id"/> beside the request's own keys path.</summary>
    public static string LocationOf(HttpContext http, Guid id)
    {
        ArgumentNullException.ThrowIfNull(http);
        string path = http.Request.Path.Value ?? string.Empty;
        int keys = path.LastIndexOf("/keys", StringComparison.Ordinal);
        return $"{http.Request.PathBase}{(keys < 0 ? path : path[..keys])}/keys/{id}";
    }

    private static bool Belongs(KeyEntry key, KeyOwner owner)
    {
        if (key.Scope != owner.Scope)
        {
            return false;
        }

        return owner.Scope == KeyScope.Server
            || (DomainNames.TryNormalize(owner.Domain ?? string.Empty, out string domain, out _)
                && string.Equals(domain, key.Domain, StringComparison.OrdinalIgnoreCase));
    }
}
