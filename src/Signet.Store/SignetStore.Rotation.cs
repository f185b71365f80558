using Signet.Dkim;
using Signet.Dkim.Keys;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Persistence;

namespace Signet.Store;

/// <summary>Rotations for people who edit DNS by hand: a new key waits until its record is seen, then signs; the old
/// key retires and is revoked after <see cref="StoreOptions.RotationRevokeAfter"/>.</summary>
public sealed partial class SignetStore
{
    private const string RotationColumns = "id, old_key_id, new_key_id, step, started_at, switched_at, revoke_after_ticks";

    public Task<StoreResult<RotationEntry>> StartRotationAsync(Actor actor, Guid oldKeyId, string newSelector, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var old = await GetKeyAsync(actor, oldKeyId, cancellationToken).ConfigureAwait(false);
            if (!old.TryGetValue(out var oldKey, out var error))
            {
                return error;
            }

            if (oldKey.State != KeyState.Active)
            {
                return StoreResult<RotationEntry>.Failure(StoreErrorKind.Conflict,
                    $"only an active key can be rotated; {oldKey.RecordName} is {oldKey.State.ToString().ToLowerInvariant()}");
            }

            // Generated before the transaction: an RSA key takes a moment, and the database should not wait for it.
            using var key = KeyGenerator(
                oldKey.Algorithm == DkimAlgorithm.Ed25519Sha256 ? DkimKeyType.Ed25519 : DkimKeyType.Rsa,
                oldKey.Algorithm == DkimAlgorithm.Ed25519Sha256 ? DkimKeySizes.RecommendedRsaBits : oldKey.Bits);
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            string oldId = oldKeyId.ToString("D");
            long running = await session.ScalarAsync<long>(
                "SELECT COUNT(*) FROM rotations WHERE old_key_id = @oldId AND step = 'WaitingForDns'", StoreParameters.Of(new { oldId }), cancellationToken).ConfigureAwait(false);
            if (running > 0)
            {
                return StoreResult<RotationEntry>.Failure(StoreErrorKind.Conflict,
                    $"a rotation of {oldKey.RecordName} is already waiting for DNS: finish it, or delete its new key to cancel it");
            }

            var rotationId = Guid.NewGuid();
            var added = await InsertKeyAsync(session, oldKey.Scope, oldKey.Domain, newSelector, key, "generated for rotation", KeyState.Pending,
                rotationId, cancellationToken).ConfigureAwait(false);
            if (!added.TryGetValue(out var addedKey, out var addedError))
            {
                return addedError;
            }

            var row = new RotationRow
            {
                Id = rotationId.ToString("D"), OldKeyId = oldId, NewKeyId = addedKey.Id.ToString("D"), Step = nameof(RotationStep.WaitingForDns),
                StartedAt = Now.UtcTicks, RevokeAfterTicks = _options.RotationRevokeAfter.Ticks,
            };
            await session.ExecuteAsync(
                $"INSERT INTO rotations ({RotationColumns}) VALUES (@Id, @OldKeyId, @NewKeyId, @Step, @StartedAt, NULL, @RevokeAfterTicks)",
                StoreParameters.Of(row), cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync("UPDATE keys SET rotation_id = @rotationId WHERE id = @oldId",
                StoreParameters.Of(new { rotationId = row.Id, oldId }), cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "key.rotate", oldKey.RecordName, DomainOf(oldKey),
                $"rotation started: new key {addedKey.RecordName} waits for its DNS record", cancellationToken).ConfigureAwait(false);
            var entry = await ToRotationEntryAsync(session, row, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<RotationEntry>.Success(entry);
        });

    public Task<StoreResult<IReadOnlyList<RotationEntry>>> ListRotationsAsync(Actor actor, KeyOwner owner, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<RotationEntry>>(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var resolved = await ResolveOwnerAsync(session, actor, owner, cancellationToken).ConfigureAwait(false);
            if (!resolved.TryGetValue(out var domainName, out var error))
            {
                return error;
            }

            var rows = await session.QueryAsync<RotationRow>(
                """
                SELECT r.id, r.old_key_id, r.new_key_id, r.step, r.started_at, r.switched_at, r.revoke_after_ticks
                FROM rotations r JOIN keys k ON k.id = r.new_key_id
                WHERE k.scope = @scope AND (@scope = 'Server' OR k.domain = @domain) ORDER BY r.started_at DESC
                """,
                StoreParameters.Of(new { scope = owner.Scope.ToString(), domain = domainName }), cancellationToken).ConfigureAwait(false);
            var entries = new List<RotationEntry>();
            foreach (var row in rows)
            {
                entries.Add(await ToRotationEntryAsync(session, row, cancellationToken).ConfigureAwait(false));
            }

            return StoreResult<IReadOnlyList<RotationEntry>>.Success(entries);
        });

    public Task<StoreResult<IReadOnlyList<RotationEntry>>> AdvanceRotationsAsync(Actor actor, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<RotationEntry>>(async () =>
        {
            var (waiting, pending) = await LoadWorkAsync(actor, cancellationToken).ConfigureAwait(false);
            var changed = new List<RotationEntry>();
            foreach (var key in pending)
            {
                // DNS is asked outside any transaction; each outcome is then written in its own short one.
                var check = await LookUpAsync(key, cancellationToken).ConfigureAwait(false);
                var rotation = waiting.FirstOrDefault(r => r.NewKeyId == key.Id.ToString("D"));
                if (await RecordCheckAndSwitchAsync(actor, key, check, rotation, cancellationToken).ConfigureAwait(false) is { } switched)
                {
                    changed.Add(switched);
                }
            }

            changed.AddRange(await RevokeDueAsync(actor, cancellationToken).ConfigureAwait(false));
            return StoreResult<IReadOnlyList<RotationEntry>>.Success(changed);
        });

    private async Task<(IReadOnlyList<RotationRow> Waiting, IReadOnlyList<KeyEntry> Pending)> LoadWorkAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
        var waiting = await session.QueryAsync<RotationRow>(
            $"SELECT {RotationColumns} FROM rotations WHERE step = 'WaitingForDns'", null, cancellationToken).ConfigureAwait(false);
        var pending = (await session.QueryAsync<KeyRow>($"SELECT {KeyRow.Columns} FROM keys WHERE state = 'Pending'", null, cancellationToken)
                .ConfigureAwait(false))
            .Select(r => r.ToEntry())
            .Where(k => AccessPolicy.ManageKey(actor, k) is null)
            .ToList();
        return (waiting, pending);
    }

    private async Task<RotationEntry?> RecordCheckAndSwitchAsync(
        Actor actor, KeyEntry key, Model.DnsCheckSummary check, RotationRow? rotation, CancellationToken cancellationToken)
    {
        await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
        await RecordDnsCheckAsync(session, key.Id, check, cancellationToken).ConfigureAwait(false);
        RotationEntry? switched = null;
        var current = await LoadKeyRowAsync(session, key.Id, cancellationToken).ConfigureAwait(false);
        if (rotation is not null && check.Matches && current?.State == nameof(KeyState.Pending))
        {
            await ActivateInSessionAsync(session, actor, current.ToEntry(), false, cancellationToken).ConfigureAwait(false);
            var row = await session.QuerySingleOrDefaultAsync<RotationRow>(
                $"SELECT {RotationColumns} FROM rotations WHERE id = @id", StoreParameters.Of(new { id = rotation.Id }), cancellationToken).ConfigureAwait(false);
            switched = await ToRotationEntryAsync(session, row!, cancellationToken).ConfigureAwait(false);
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return switched;
    }

    private async Task<IReadOnlyList<RotationEntry>> RevokeDueAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
        var switched = await session.QueryAsync<RotationRow>(
            $"SELECT {RotationColumns} FROM rotations WHERE step = 'Switched'", null, cancellationToken).ConfigureAwait(false);
        var revoked = new List<RotationEntry>();
        var now = Now;
        foreach (var rotation in switched.Where(r => r.SwitchedAt + r.RevokeAfterTicks <= now.UtcTicks))
        {
            var old = await LoadKeyRowAsync(session, Guid.Parse(rotation.OldKeyId), cancellationToken).ConfigureAwait(false);
            var oldEntry = old?.ToEntry();
            if (oldEntry is null || AccessPolicy.ManageKey(actor, oldEntry) is not null)
            {
                continue;
            }

            if (oldEntry.State == KeyState.Retiring)
            {
                await SetStateAsync(session, oldEntry.Id, KeyState.Revoked, "revoked_at", now, cancellationToken).ConfigureAwait(false);
                await AuditAsync(session, actor, "key.revoke", oldEntry.RecordName, DomainOf(oldEntry),
                    $"revoked by its rotation after {TimeSpan.FromTicks(rotation.RevokeAfterTicks).TotalDays:0.#} days: publish \"{KeyRecords.RevokedValue}\"",
                    cancellationToken).ConfigureAwait(false);
            }

            rotation.Step = nameof(RotationStep.OldRevoked);
            await session.ExecuteAsync("UPDATE rotations SET step = @Step WHERE id = @Id", StoreParameters.Of(rotation), cancellationToken).ConfigureAwait(false);
            revoked.Add(await ToRotationEntryAsync(session, rotation, cancellationToken).ConfigureAwait(false));
        }

        // Only a revocation changes what signs: a bump for a round that revoked nothing would make every node of a
        // fleet reload its whole snapshot after every other node's rotation tick.
        if (revoked.Count > 0)
        {
            await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return revoked;
    }

    private static async Task<RotationEntry> ToRotationEntryAsync(StoreSession session, RotationRow row, CancellationToken cancellationToken)
    {
        var old = (await LoadKeyRowAsync(session, Guid.Parse(row.OldKeyId), cancellationToken).ConfigureAwait(false))!.ToEntry();
        var next = (await LoadKeyRowAsync(session, Guid.Parse(row.NewKeyId), cancellationToken).ConfigureAwait(false))!.ToEntry();
        var step = Enum.Parse<RotationStep>(row.Step);
        var revokeAfter = TimeSpan.FromTicks(row.RevokeAfterTicks);
        var switchedAt = StoreTime.FromTicks(row.SwitchedAt);
        string explanation = step switch
        {
            RotationStep.WaitingForDns =>
                $"publish the TXT record {next.RecordName} with the value \"{KeyRecords.ValueFor(next)}\"; once Signet sees it, the new key signs and {old.RecordName} retires",
            RotationStep.Switched =>
                $"signing with {next.RecordName} since {switchedAt:u}; keep {old.RecordName} published until {switchedAt + revokeAfter:u}, when it is revoked",
            RotationStep.OldRevoked =>
                $"signing with {next.RecordName}; {old.RecordName} is revoked: publish \"{KeyRecords.RevokedValue}\" there, or remove the record",
            _ => $"cancelled: the new key {next.RecordName} was deleted; {old.RecordName} still signs",
        };
        return new RotationEntry(Guid.Parse(row.Id), old.Id, next.Id, step, StoreTime.FromTicks(row.StartedAt), switchedAt, revokeAfter, explanation);
    }
}
