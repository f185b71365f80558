using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Serve;

/// <summary>The host name given at start (<c>--hostname</c>, <c>SIGNET_HOSTNAME</c>, <c>HostName</c> in a settings
/// file) is the server-wide d=: it replaces the stored one on every start where it differs, with a line in the log.
/// Without one, the stored name (first the machine's fully qualified name) stays, and a single label is called out.</summary>
internal static class ServeHostName
{
    /// <summary>Applies the configured name; the reason when it cannot be used.</summary>
    public static async Task<string?> ApplyAsync(IConfiguration configuration, SignetStore store, ILogger logger, CancellationToken cancellationToken)
    {
        var current = await store.GetServerSettingsAsync(Actor.LocalAdministrator, cancellationToken).ConfigureAwait(false);
        if (!current.TryGetValue(out var row, out var currentError))
        {
            return currentError.Message;
        }

        string stored = row.HostName;
        string hostName = stored;
        if (configuration["HostName"] is { Length: > 0 } given)
        {
            if (!DomainNames.TryNormalize(given, out string normalized, out string error))
            {
                return $"--hostname {given}: {error}";
            }

            if (!string.Equals(normalized, stored, StringComparison.Ordinal))
            {
                var updated = await store.UpdateServerSettingsAsync(Actor.LocalAdministrator, normalized, null, cancellationToken).ConfigureAwait(false);
                if (!updated.TryGetValue(out _, out var updatedError))
                {
                    return $"--hostname {given}: {updatedError.Message}";
                }

                logger.HostNameChanged(normalized, stored);
            }

            hostName = normalized;
        }

        if (!hostName.Contains('.', StringComparison.Ordinal))
        {
            logger.HostNameNotQualified(hostName);
        }

        return null;
    }
}
