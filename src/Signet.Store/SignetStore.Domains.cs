using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Persistence;

namespace Signet.Store;

/// <summary>Protected domains and server settings.</summary>
public sealed partial class SignetStore
{
    private const string DomainColumns = "name, signing_enabled, subdomains, created_at";

    public Task<StoreResult<IReadOnlyList<DomainEntry>>> ListDomainsAsync(Actor actor, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<DomainEntry>>(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var rows = await session.QueryAsync<DomainRow>($"SELECT {DomainColumns} FROM domains ORDER BY name", null, cancellationToken)
                .ConfigureAwait(false);
            return StoreResult<IReadOnlyList<DomainEntry>>.Success(
                rows.Select(r => r.ToEntry()).Where(d => AccessPolicy.CanSeeDomain(actor, d.Name)).ToList());
        });

    public Task<StoreResult<IReadOnlyList<DomainWithKeys>>> ListDomainsWithKeysAsync(Actor actor, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<DomainWithKeys>>(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var domains = (await session.QueryAsync<DomainRow>($"SELECT {DomainColumns} FROM domains ORDER BY name", null, cancellationToken)
                .ConfigureAwait(false)).Select(r => r.ToEntry()).Where(d => AccessPolicy.CanSeeDomain(actor, d.Name)).ToList();
            // Every domain key in one query, grouped here: the keys of domains the actor may not see are dropped unread.
            var keys = (await session.QueryAsync<KeyRow>(
                $"SELECT {KeyRow.Columns} FROM keys WHERE scope = 'Domain' AND state <> 'Deleted' ORDER BY created_at DESC", null, cancellationToken)
                .ConfigureAwait(false)).ToLookup(r => r.Domain, StringComparer.OrdinalIgnoreCase);
            return StoreResult<IReadOnlyList<DomainWithKeys>>.Success(
                domains.Select(d => new DomainWithKeys(d, keys[d.Name].Select(r => r.ToEntry()).ToList())).ToList());
        });

    public Task<StoreResult<DomainEntry>> GetDomainAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            return await FindDomainAsync(session, actor, domain, cancellationToken).ConfigureAwait(false);
        });

    public Task<StoreResult<DomainEntry>> AddDomainAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (AccessPolicy.AddOrRemoveDomains(actor) is { } denied)
            {
                return denied;
            }

            if (!DomainNames.TryNormalize(domain, out string name, out string error))
            {
                return StoreResult<DomainEntry>.Failure(StoreErrorKind.Invalid, error);
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            if (await LoadDomainAsync(session, name, cancellationToken).ConfigureAwait(false) is not null)
            {
                return StoreResult<DomainEntry>.Failure(StoreErrorKind.Conflict, $"{name} is already a protected domain");
            }

            // Subdomains use the parent's keys by default: relaxed alignment (RFC 7489 §3.1.1) covers them.
            var entry = new DomainEntry(name, true, SubdomainSigning.UseParentKeys, Now);
            await session.ExecuteAsync(
                $"INSERT INTO domains ({DomainColumns}) VALUES (@name, 1, @subdomains, @createdAt)",
                StoreParameters.Of(new { name, subdomains = entry.Subdomains.ToString(), createdAt = Now.UtcTicks }), cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "domain.add", name, name, "added the domain", cancellationToken).ConfigureAwait(false);
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<DomainEntry>.Success(entry);
        });

    public Task<StoreResult<DomainEntry>> UpdateDomainAsync(
        Actor actor, string domain, bool? signingEnabled, SubdomainSigning? subdomains, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var found = await FindDomainAsync(session, actor, domain, cancellationToken).ConfigureAwait(false);
            if (!found.TryGetValue(out var value, out var error))
            {
                return error;
            }

            var entry = value with
            {
                SigningEnabled = signingEnabled ?? value.SigningEnabled,
                Subdomains = subdomains ?? value.Subdomains,
            };
            await session.ExecuteAsync(
                "UPDATE domains SET signing_enabled = @enabled, subdomains = @subdomains WHERE name = @name",
                StoreParameters.Of(new { name = entry.Name, enabled = entry.SigningEnabled ? 1L : 0L, subdomains = entry.Subdomains.ToString() }),
                cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "domain.update", entry.Name, entry.Name,
                $"signing {(entry.SigningEnabled ? "enabled" : "disabled")}, subdomains {entry.Subdomains}", cancellationToken).ConfigureAwait(false);
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<DomainEntry>.Success(entry);
        });

    public Task<StoreResult<bool>> RemoveDomainAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var found = await FindDomainAsync(session, actor, domain, cancellationToken).ConfigureAwait(false);
            if (!found.TryGetValue(out var value, out var error))
            {
                return error;
            }

            if (AccessPolicy.AddOrRemoveDomains(actor) is { } denied)
            {
                return denied;
            }

            string name = value.Name;
            // The private keys are destroyed with the domain; the rows stay as deleted for the audit trail.
            await session.ExecuteAsync(
                "UPDATE keys SET state = 'Deleted', sealed_private_key = @empty WHERE scope = 'Domain' AND domain = @name",
                StoreParameters.Of(new { name, empty = Array.Empty<byte>() }), cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync("DELETE FROM domains WHERE name = @name", StoreParameters.Of(new { name }), cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync("DELETE FROM user_domains WHERE domain = @name", StoreParameters.Of(new { name }), cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync("DELETE FROM domain_rotation WHERE domain = @name", StoreParameters.Of(new { name }), cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "domain.remove", name, name, "removed the domain and deleted its keys", cancellationToken)
                .ConfigureAwait(false);
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<bool>.Success(true);
        });

    public Task<StoreResult<ServerSettings>> GetServerSettingsAsync(Actor actor, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            // Every admin may read the host name and whether server signing is on: the console shows them to all.
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<ServerSettings>.Success(await LoadServerSettingsAsync(session, cancellationToken).ConfigureAwait(false));
        });

    public Task<StoreResult<ServerSettings>> UpdateServerSettingsAsync(
        Actor actor, string? hostName, bool? serverSigningEnabled, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (AccessPolicy.ChangeServerSettings(actor) is { } denied)
            {
                return denied;
            }

            string? normalized = null;
            if (hostName is not null && !DomainNames.TryNormalize(hostName, out normalized, out string error))
            {
                return StoreResult<ServerSettings>.Failure(StoreErrorKind.Invalid, "the host name: " + error);
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var current = await LoadServerSettingsAsync(session, cancellationToken).ConfigureAwait(false);
            var updated = new ServerSettings(normalized ?? current.HostName, serverSigningEnabled ?? current.ServerSigningEnabled);
            const string update = "UPDATE settings SET value = @value WHERE name = @name";
            await session.ExecuteAsync(update, StoreParameters.Of(new { name = Settings.HostName, value = updated.HostName }), cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync(update, StoreParameters.Of(new { name = Settings.ServerSigningEnabled, value = updated.ServerSigningEnabled ? "true" : "false" }),
                cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "settings.update", "server", null,
                $"host name {updated.HostName}, server signing {(updated.ServerSigningEnabled ? "on" : "off")}", cancellationToken).ConfigureAwait(false);
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<ServerSettings>.Success(updated);
        });

    private static async Task<ServerSettings> LoadServerSettingsAsync(StoreSession session, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<SettingRow>("SELECT name, value FROM settings", null, cancellationToken)
            .ConfigureAwait(false);
        var values = rows.ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal);
        return new ServerSettings(values.GetValueOrDefault(Settings.HostName, DefaultHostName()),
            values.GetValueOrDefault(Settings.ServerSigningEnabled) == "true");
    }

    private static async Task<DomainEntry?> LoadDomainAsync(StoreSession session, string name, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<DomainRow>($"SELECT {DomainColumns} FROM domains WHERE name = @name", StoreParameters.Of(new { name }), cancellationToken)
            .ConfigureAwait(false))?.ToEntry();

    /// <summary>The domain when it exists and the actor may see it; NotFound alike for both, so nothing leaks.</summary>
    private static async Task<StoreResult<DomainEntry>> FindDomainAsync(StoreSession session, Actor actor, string domain, CancellationToken cancellationToken)
    {
        if (!DomainNames.TryNormalize(domain, out string name, out _) || !AccessPolicy.CanSeeDomain(actor, name))
        {
            return AccessPolicy.NoSuchDomain(domain);
        }

        return await LoadDomainAsync(session, name, cancellationToken).ConfigureAwait(false) is { } entry
            ? StoreResult<DomainEntry>.Success(entry)
            : AccessPolicy.NoSuchDomain(name);
    }
}
