using Signet.Store.Model;
using Signet.Store.Persistence;

namespace Signet.Store;

/// <summary>What the mail path reads: the signing snapshot and the revision that tells when to read it again.</summary>
public sealed partial class SignetStore
{
    public async Task<long> GetRevisionAsync(CancellationToken cancellationToken)
    {
        await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
        return await session.ScalarAsync<long>("SELECT value FROM revision WHERE id = 1", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads everything in one transaction, so the revision matches the keys. A key whose sealed private key
    /// does not open is a store fault, not a reason to sign with fewer keys silently: it throws.</summary>
    public async Task<SigningSnapshot> GetSigningSnapshotAsync(CancellationToken cancellationToken)
    {
        await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
        long revision = await session.ScalarAsync<long>("SELECT value FROM revision WHERE id = 1", null, cancellationToken).ConfigureAwait(false);
        var server = await LoadServerSettingsAsync(session, cancellationToken).ConfigureAwait(false);
        var domains = (await session.QueryAsync<DomainRow>($"SELECT {DomainColumns} FROM domains", null, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToEntry())
            .ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        var rows = await session.QueryAsync<KeyRow>($"SELECT {KeyRow.Columns} FROM keys WHERE state = 'Active' ORDER BY algorithm, created_at", null, cancellationToken)
            .ConfigureAwait(false);
        var domainKeys = new Dictionary<string, List<SigningKey>>(StringComparer.OrdinalIgnoreCase);
        var serverKeys = new List<SigningKey>();
        foreach (var row in rows)
        {
            bool isServer = row.Scope == nameof(KeyScope.Server);
            if (isServer ? !server.ServerSigningEnabled : !(domains.TryGetValue(row.Domain, out var domain) && domain.SigningEnabled))
            {
                continue;
            }

            var key = OpenPrivateKey(row) ?? throw new InvalidOperationException($"{WrongMasterKey} (key {row.Selector}._domainkey.{row.Domain})");
            var signing = new SigningKey(Guid.Parse(row.Id), row.Domain, row.Selector, key);
            if (isServer)
            {
                serverKeys.Add(signing);
            }
            else
            {
                (domainKeys.TryGetValue(row.Domain, out var list) ? list : domainKeys[row.Domain] = []).Add(signing);
            }
        }

        return new SigningSnapshot(
            revision,
            domains,
            domainKeys.ToDictionary(p => p.Key, p => (IReadOnlyList<SigningKey>)p.Value, StringComparer.OrdinalIgnoreCase),
            server,
            serverKeys);
    }
}
