using Signet.Store.Access;
using Signet.Store.Lifecycle;
using Signet.Store.Model;
using Signet.Store.Persistence;

namespace Signet.Store;

/// <summary>The key lifecycle: pending → active → retiring → revoked → deleted, as <see cref="KeyTransitions"/> allows.</summary>
public sealed partial class SignetStore
{
    public Task<StoreResult<KeyEntry>> CheckKeyDnsAsync(Actor actor, Guid keyId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var key = await GetKeyAsync(actor, keyId, cancellationToken).ConfigureAwait(false);
            if (!key.TryGetValue(out var keyEntry, out var error))
            {
                return error;
            }

            var check = await LookUpAsync(keyEntry, cancellationToken).ConfigureAwait(false);
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            await RecordDnsCheckAsync(session, keyId, check, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<KeyEntry>.Success(keyEntry with { LastDnsCheck = check });
        });

    public Task<StoreResult<KeyEntry>> ActivateKeyAsync(Actor actor, Guid keyId, bool force, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var key = await GetKeyAsync(actor, keyId, cancellationToken).ConfigureAwait(false);
            if (!key.TryGetValue(out var value, out var error))
            {
                return error;
            }

            if (KeyTransitions.Check(value, KeyState.Active) is { } refused)
            {
                return refused;
            }

            // The lookup runs outside the transaction: a slow resolver must not hold the database.
            DnsCheckSummary? check = force ? null : await LookUpAsync(value, cancellationToken).ConfigureAwait(false);
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var current = await FindKeyAsync(session, actor, keyId, cancellationToken).ConfigureAwait(false);
            if (!current.TryGetValue(out var row, out var currentError))
            {
                return currentError;
            }

            var entry = row.ToEntry();
            if (KeyTransitions.Check(entry, KeyState.Active) is { } conflict)
            {
                return conflict;
            }

            if (check is not null)
            {
                await RecordDnsCheckAsync(session, keyId, check, cancellationToken).ConfigureAwait(false);
                if (!check.Matches)
                {
                    await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return StoreResult<KeyEntry>.Failure(StoreErrorKind.Conflict,
                        $"{entry.RecordName} cannot be activated yet: {check.Summary}. Publish this record first, or force the activation: {KeyRecords.ValueFor(entry)}");
                }
            }

            var activated = await ActivateInSessionAsync(session, actor, entry with { LastDnsCheck = check ?? entry.LastDnsCheck }, force, cancellationToken)
                .ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<KeyEntry>.Success(activated);
        });

    public Task<StoreResult<KeyEntry>> RetireKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken) =>
        TransitionAsync(actor, keyId, KeyState.Retiring, "key.retire", "retired_at", cancellationToken);

    public Task<StoreResult<KeyEntry>> RevokeKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken) =>
        TransitionAsync(actor, keyId, KeyState.Revoked, "key.revoke", "revoked_at", cancellationToken);

    public async Task<StoreResult<bool>> DeleteKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken)
    {
        var deleted = await TransitionAsync(actor, keyId, KeyState.Deleted, "key.delete", null, cancellationToken).ConfigureAwait(false);
        return deleted.TryGetValue(out _, out var error) ? StoreResult<bool>.Success(true) : error;
    }

    public Task<StoreResult<string>> ExportPrivateKeyPemAsync(Actor actor, Guid keyId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var row = await LoadKeyRowAsync(session, keyId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return AccessPolicy.NoSuchKey(keyId);
            }

            var entry = row.ToEntry();
            if (AccessPolicy.ExportKey(actor, entry) is { } denied)
            {
                return denied;
            }

            if (entry.State == KeyState.Deleted)
            {
                return StoreResult<string>.Failure(StoreErrorKind.Conflict, $"key {entry.RecordName} is deleted: its private key was destroyed");
            }

            using var key = OpenPrivateKey(row);
            if (key is null)
            {
                throw new StoreUnavailableException(WrongMasterKey);
            }

            await AuditAsync(session, actor, "key.export", entry.RecordName, DomainOf(entry), "exported the private key as PKCS#8 PEM", cancellationToken)
                .ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<string>.Success(key.ExportPkcs8Pem());
        });

    /// <summary>Makes a key active: the active key of the same algorithm and owner retires (one RSA and one Ed25519 key
    /// may sign side by side, RFC 8463 §4 recommends both), and a rotation waiting for this key switches.</summary>
    private async Task<KeyEntry> ActivateInSessionAsync(StoreSession session, Actor actor, KeyEntry key, bool forced, CancellationToken cancellationToken)
    {
        var now = Now;
        var others = await session.QueryAsync<KeyRow>(
            $"SELECT {KeyRow.Columns} FROM keys WHERE scope = @scope AND domain = @domain AND algorithm = @algorithm AND state = 'Active' AND id <> @id",
            StoreParameters.Of(new { scope = key.Scope.ToString(), domain = key.Domain, algorithm = key.Algorithm.ToString(), id = key.Id.ToString("D") }),
            cancellationToken).ConfigureAwait(false);
        foreach (var other in others)
        {
            await SetStateAsync(session, Guid.Parse(other.Id), KeyState.Retiring, "retired_at", now, cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "key.retire", other.ToEntry().RecordName, DomainOf(key),
                $"retired because {key.RecordName} of the same algorithm became active", cancellationToken).ConfigureAwait(false);
        }

        await session.ExecuteAsync(
            "UPDATE keys SET state = 'Active', activated_at = @now, retired_at = NULL, activation_forced = @forced WHERE id = @id",
            StoreParameters.Of(new { id = key.Id.ToString("D"), now = now.UtcTicks, forced = forced ? 1L : 0L }), cancellationToken).ConfigureAwait(false);
        await session.ExecuteAsync(
            "UPDATE rotations SET step = 'Switched', switched_at = @now WHERE new_key_id = @id AND step = 'WaitingForDns'",
            StoreParameters.Of(new { id = key.Id.ToString("D"), now = now.UtcTicks }), cancellationToken).ConfigureAwait(false);
        string how = forced ? "forced, without a matching DNS record" : "its DNS record is published and matches";
        await AuditAsync(session, actor, "key.activate", key.RecordName, DomainOf(key), $"activated ({how})", cancellationToken).ConfigureAwait(false);
        await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
        return key with { State = KeyState.Active, ActivatedAt = now, RetiredAt = null, ActivationForced = forced };
    }

    private Task<StoreResult<KeyEntry>> TransitionAsync(
        Actor actor, Guid keyId, KeyState to, string action, string? timeColumn, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var found = await FindKeyAsync(session, actor, keyId, cancellationToken).ConfigureAwait(false);
            if (!found.TryGetValue(out var value, out var error))
            {
                return error;
            }

            var entry = value.ToEntry();
            if (KeyTransitions.Check(entry, to) is { } conflict)
            {
                return conflict;
            }

            var now = Now;
            await SetStateAsync(session, keyId, to, timeColumn, now, cancellationToken).ConfigureAwait(false);
            if (to == KeyState.Deleted)
            {
                // The private key is destroyed, not just hidden.
                await session.ExecuteAsync("UPDATE keys SET sealed_private_key = @empty WHERE id = @id",
                    StoreParameters.Of(new { id = keyId.ToString("D"), empty = Array.Empty<byte>() }), cancellationToken).ConfigureAwait(false);
                await session.ExecuteAsync("UPDATE rotations SET step = 'Cancelled' WHERE new_key_id = @id AND step = 'WaitingForDns'",
                    StoreParameters.Of(new { id = keyId.ToString("D") }), cancellationToken).ConfigureAwait(false);
            }

            string detail = to == KeyState.Revoked ? $"revoked: publish \"{KeyRecords.RevokedValue}\"" : $"{entry.State} → {to}";
            await AuditAsync(session, actor, action, entry.RecordName, DomainOf(entry), detail, cancellationToken).ConfigureAwait(false);
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<KeyEntry>.Success(entry with
            {
                State = to,
                RetiredAt = to == KeyState.Retiring ? now : entry.RetiredAt,
                RevokedAt = to == KeyState.Revoked ? now : entry.RevokedAt,
            });
        });

    private static Task SetStateAsync(StoreSession session, Guid keyId, KeyState state, string? timeColumn, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            timeColumn is null ? "UPDATE keys SET state = @state WHERE id = @id" : $"UPDATE keys SET state = @state, {timeColumn} = @now WHERE id = @id",
            StoreParameters.Of(new { id = keyId.ToString("D"), state = state.ToString(), now = now.UtcTicks }), cancellationToken);

    private async Task<DnsCheckSummary> LookUpAsync(KeyEntry key, CancellationToken cancellationToken)
    {
        if (_authoritative is not null)
        {
            var answers = await _authoritative.LookupAsync(key.RecordName, cancellationToken).ConfigureAwait(false);
            return DnsCheck.Summarize(key, answers, Now);
        }

        var lookup = await _dns.LookupTxtAsync(key.RecordName, cancellationToken).ConfigureAwait(false);
        return DnsCheck.Summarize(key, lookup, Now);
    }

    private static Task RecordDnsCheckAsync(StoreSession session, Guid keyId, DnsCheckSummary check, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            "UPDATE keys SET dns_checked_at = @at, dns_published = @published, dns_matches = @matches, dns_summary = @summary WHERE id = @id",
            StoreParameters.Of(new
            {
                id = keyId.ToString("D"), at = check.CheckedAt.UtcTicks, published = check.Published ? 1L : 0L,
                matches = check.Matches ? 1L : 0L, summary = check.Summary,
            }),
            cancellationToken);

    private static string? DomainOf(KeyEntry key) => key.Scope == KeyScope.Domain ? key.Domain : null;
}
