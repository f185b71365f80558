using Signet.Store.Model;
using Signet.Store.Persistence;

namespace Signet.Store;

/// <summary>What the mail path reads: the signing snapshot and the revision that tells when to read it again.</summary>
public sealed partial class SignetStore
{
    public Task<long> GetRevisionAsync(CancellationToken cancellationToken) =>
        GuardReadAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            return await session.ScalarAsync<long>("SELECT value FROM revision WHERE id = 1", null, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Reads everything in one transaction, so the revision matches the keys. A key whose sealed private key
    /// does not open is a store fault, not a reason to sign with fewer keys silently: it throws
    /// <see cref="StoreUnavailableException"/>.</summary>
    public Task<SigningSnapshot> GetSigningSnapshotAsync(CancellationToken cancellationToken) =>
        GuardReadAsync(() => ReadSnapshotAsync(openPrivateKeys: true, cancellationToken));

    /// <summary>The same snapshot without opening a single private key: what explaining a decision needs.</summary>
    public Task<SigningSnapshot> GetPolicySnapshotAsync(CancellationToken cancellationToken) =>
        GuardReadAsync(() => ReadSnapshotAsync(openPrivateKeys: false, cancellationToken));

    private async Task<SigningSnapshot> ReadSnapshotAsync(bool openPrivateKeys, CancellationToken cancellationToken)
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
        var privateKeys = new Dictionary<Guid, Signet.Dkim.Keys.DkimPrivateKey>();
        foreach (var row in rows)
        {
            bool isServer = row.Scope == nameof(KeyScope.Server);
            if (isServer ? !server.ServerSigningEnabled : !(domains.TryGetValue(row.Domain, out var domain) && domain.SigningEnabled))
            {
                continue;
            }

            var id = Guid.Parse(row.Id);
            var signing = new SigningKey(id, row.Domain, row.Selector, Enum.Parse<Signet.Dkim.DkimAlgorithm>(row.Algorithm));
            if (openPrivateKeys)
            {
                privateKeys[id] = OpenPrivateKey(row) ?? throw new StoreUnavailableException($"{WrongMasterKey} (key {row.Selector}._domainkey.{row.Domain})");
            }

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
            serverKeys,
            await LoadSubmissionUsersAsync(session, cancellationToken).ConfigureAwait(false),
            privateKeys);
    }

    /// <summary>Every user by login name, with their domains, for <see cref="Policy.SubmissionPolicy"/>.</summary>
    private static async Task<IReadOnlyDictionary<string, Policy.SubmissionUser>> LoadSubmissionUsersAsync(StoreSession session, CancellationToken cancellationToken)
    {
        var users = await session.QueryAsync<UserRow>("SELECT id, name, role, password_hash, created_at FROM users", null, cancellationToken).ConfigureAwait(false);
        var assignments = await session.QueryAsync<UserDomainRow>("SELECT user_id, domain FROM user_domains", null, cancellationToken).ConfigureAwait(false);
        var domainsOf = assignments.ToLookup(a => a.UserId, a => a.Domain);
        return users.ToDictionary(
            u => u.Name,
            u => new Policy.SubmissionUser(u.Name, Enum.Parse<UserRole>(u.Role), new HashSet<string>(domainsOf[u.Id], StringComparer.OrdinalIgnoreCase)),
            StringComparer.Ordinal);
    }
}
