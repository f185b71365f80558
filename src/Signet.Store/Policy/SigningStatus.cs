using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Store.Policy;

/// <summary>What happens to the next message of a domain, or of the server-wide key: signed (by which key), or not
/// and why, with the next step. The one place that decides it, so the CLI, the API and the console say the same words.
/// A switch that is on is not enough: only an active key signs.</summary>
public sealed record SigningStatus(bool IsSigning, string Words)
{
    /// <summary>A protected domain: on, and with at least one active key.</summary>
    public static SigningStatus ForDomain(DomainEntry domain, IReadOnlyList<KeyEntry> keys)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(keys);
        return domain.SigningEnabled
            ? FromKeys(keys, "signing")
            : new SigningStatus(false, "not signing: signing is turned off for this domain");
    }

    /// <summary>The server-wide key: turned on, a host name that can be a d= (RFC 6376 §3.5 wants a domain, and a
    /// single label is no one's), and an active key.</summary>
    public static SigningStatus ForServer(ServerSettings settings, IReadOnlyList<KeyEntry> keys)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(keys);
        if (!settings.ServerSigningEnabled)
        {
            return new SigningStatus(false, "server-wide signing is off");
        }

        if (!settings.HostName.Contains('.', StringComparison.Ordinal))
        {
            return new SigningStatus(false,
                $"server-wide signing is on but cannot sign: the host name \"{settings.HostName}\" is a single label, not a domain a receiver can look a key up under; set the fully qualified name (signet serve --hostname, SIGNET_HOSTNAME, or the host name field on the Server DKIM page)");
        }

        var status = FromKeys(keys, "server-wide signing is on");
        return status.IsSigning ? status : status with { Words = "server-wide signing is on but " + status.Words };
    }

    /// <summary>The status of a domain, reading its keys from the store.</summary>
    public static async Task<SigningStatus> OfDomainAsync(IKeyStore store, Actor actor, DomainEntry domain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(domain);
        var keys = await store.ListKeysAsync(actor, KeyOwner.ForDomain(domain.Name), cancellationToken).ConfigureAwait(false);
        return keys.TryGetValue(out var keyList, out var error) ? ForDomain(domain, keyList) : Unknown(error);
    }

    /// <summary>The status of the server-wide key, reading the settings and its keys from the store.</summary>
    public static async Task<SigningStatus> OfServerAsync(ISignetStore store, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var settings = await store.GetServerSettingsAsync(actor, cancellationToken).ConfigureAwait(false);
        if (!settings.TryGetValue(out var server, out var error))
        {
            return Unknown(error);
        }

        var keys = await store.ListKeysAsync(actor, KeyOwner.Server, cancellationToken).ConfigureAwait(false);
        return keys.TryGetValue(out var serverKeys, out error) ? ForServer(server, serverKeys) : Unknown(error);
    }

    private static SigningStatus Unknown(StoreError error) => new(false, "unknown: " + error.Message);

    private static SigningStatus FromKeys(IReadOnlyList<KeyEntry> keys, string signingPrefix)
    {
        var active = keys.Where(k => k.State == KeyState.Active).Select(k => k.Selector).ToList();
        if (active.Count > 0)
        {
            return new SigningStatus(true, $"{signingPrefix}: signs with {string.Join(" and ", active)}");
        }

        var pending = keys.Where(k => k.State == KeyState.Pending).Select(k => k.Selector).ToList();
        return pending.Count > 0
            ? new SigningStatus(false, $"not signing: no active key — publish {string.Join(" and ", pending)}, then activate")
            : new SigningStatus(false, "not signing: no key — generate one, publish its record, then activate");
    }
}
