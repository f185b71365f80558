using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Persistence;

namespace Signet.Store;

/// <summary>The state the hands-off rotation driver keeps per domain: a lease so exactly one node takes each step,
/// the last step and failure for people to read, and the back-off before the next try.</summary>
public sealed partial class SignetStore
{
    /// <summary>The domains whose rotation is on (an interval and a publisher) and not paused.</summary>
    public Task<StoreResult<IReadOnlyList<string>>> ListRotatingDomainsAsync(Actor actor, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<string>>(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var domains = await session.QueryAsync<string>(
                "SELECT domain FROM domain_rotation WHERE interval_ticks IS NOT NULL AND publisher_id IS NOT NULL AND paused = 0 ORDER BY domain",
                null, cancellationToken).ConfigureAwait(false);
            return StoreResult<IReadOnlyList<string>>.Success(domains.Where(d => AccessPolicy.CanSeeDomain(actor, d)).ToList());
        });

    /// <summary>Takes the domain's rotation lease for <paramref name="node"/> until <paramref name="duration"/> from now,
    /// when no other node holds an unexpired one: one compare-and-set UPDATE, so of several nodes on one database
    /// exactly one gets it. A node that holds it extends it.</summary>
    public Task<StoreResult<bool>> TryLeaseRotationAsync(string domain, string node, TimeSpan duration, CancellationToken cancellationToken) =>
        TryLeaseRotationAsync(domain, node, duration, static _ => false, cancellationToken);

    /// <summary>As above, and also takes over an unexpired lease whose holder <paramref name="holderIsGone"/> knows to
    /// be dead (<see cref="Rotation.RotationNode.IsGone"/>: a process of this host that no longer exists), again by
    /// compare-and-set on that holder, so two nodes that both find it gone cannot both take it.</summary>
    public Task<StoreResult<bool>> TryLeaseRotationAsync(
        string domain, string node, TimeSpan duration, Func<string, bool> holderIsGone, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(holderIsGone);
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var now = Now;
            var lease = new { domain, node, until = (now + duration).UtcTicks, now = now.UtcTicks };
            int taken = await session.ExecuteAsync(
                """
                UPDATE domain_rotation SET lease_owner = @node, lease_until = @until
                WHERE domain = @domain AND (lease_owner IS NULL OR lease_owner = @node OR lease_until < @now)
                """,
                StoreParameters.Of(lease), cancellationToken).ConfigureAwait(false);
            if (taken == 0
                && await session.ScalarAsync<string?>("SELECT lease_owner FROM domain_rotation WHERE domain = @domain", StoreParameters.Of(new { domain }), cancellationToken)
                    .ConfigureAwait(false) is { } holder
                && holderIsGone(holder))
            {
                taken = await session.ExecuteAsync(
                    "UPDATE domain_rotation SET lease_owner = @node, lease_until = @until WHERE domain = @domain AND lease_owner = @holder",
                    StoreParameters.Of(new { lease.domain, lease.node, lease.until, holder }), cancellationToken).ConfigureAwait(false);
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<bool>.Success(taken == 1);
        });

    public Task<StoreResult<bool>> ReleaseRotationLeaseAsync(string domain, string node, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            int released = await session.ExecuteAsync(
                "UPDATE domain_rotation SET lease_owner = NULL, lease_until = NULL WHERE domain = @domain AND lease_owner = @node",
                StoreParameters.Of(new { domain, node }), cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<bool>.Success(released == 1);
        });

    /// <summary>Records what the driver did or waits for. A failure counts one more attempt and sets when to try
    /// again; a success clears both. Audited when something changed or failed, so the history shows each step.</summary>
    public Task<StoreResult<bool>> RecordRotationStepAsync(
        string domain, string step, string? failure, DateTimeOffset? nextAttemptAt, bool audit, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync(
                failure is null
                    ? "UPDATE domain_rotation SET step = @step, step_at = @now, attempts = 0, next_attempt_at = NULL, last_failure = NULL WHERE domain = @domain"
                    : "UPDATE domain_rotation SET step = @step, step_at = @now, attempts = attempts + 1, next_attempt_at = @next, last_failure = @failure WHERE domain = @domain",
                StoreParameters.Of(new { domain, step, now = Now.UtcTicks, next = nextAttemptAt?.UtcTicks, failure }), cancellationToken).ConfigureAwait(false);
            if (audit || failure is not null)
            {
                await AuditAsync(session, Actor.LocalAdministrator, failure is null ? "rotation.step" : "rotation.failed", domain, domain,
                    failure is null ? step : $"{step}: {failure}", cancellationToken).ConfigureAwait(false);
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<bool>.Success(true);
        });

    /// <summary>Marks a rotation as started (clears a run-now request, notes the time).</summary>
    public Task<StoreResult<bool>> RecordRotationStartedAsync(string domain, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync("UPDATE domain_rotation SET run_now = 0, last_rotated_at = @now WHERE domain = @domain",
                StoreParameters.Of(new { domain, now = Now.UtcTicks }), cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<bool>.Success(true);
        });

    /// <summary>Asks for a rotation at the next round, whatever the interval says (<c>signet rotation run-now</c>);
    /// also clears the back-off, so a fixed setting is tried at once.</summary>
    public Task<StoreResult<AutomaticRotationStatus>> RequestRotationNowAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        ChangeRotationAsync(actor, domain, "UPDATE domain_rotation SET run_now = 1, next_attempt_at = NULL WHERE domain = @domain",
            "rotation.run-now", "rotation requested now", requireOn: true, cancellationToken);

    /// <summary>Pauses or resumes a domain's hands-off rotation; paused, the current key keeps signing.</summary>
    public Task<StoreResult<AutomaticRotationStatus>> PauseRotationAsync(Actor actor, string domain, bool paused, CancellationToken cancellationToken) =>
        ChangeRotationAsync(actor, domain, $"UPDATE domain_rotation SET paused = {(paused ? 1 : 0)} WHERE domain = @domain",
            paused ? "rotation.pause" : "rotation.resume", paused ? "rotation paused" : "rotation resumed", requireOn: false, cancellationToken);

    public Task<StoreResult<AutomaticRotationStatus>> GetRotationStatusAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var found = await FindDomainAsync(session, actor, domain, cancellationToken).ConfigureAwait(false);
            return found.TryGetValue(out var entry, out var error)
                ? StoreResult<AutomaticRotationStatus>.Success(await LoadRotationStatusAsync(session, entry.Name, cancellationToken).ConfigureAwait(false))
                : error;
        });

    private Task<StoreResult<AutomaticRotationStatus>> ChangeRotationAsync(
        Actor actor, string domain, string update, string action, string detail, bool requireOn, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var found = await FindDomainAsync(session, actor, domain, cancellationToken).ConfigureAwait(false);
            if (!found.TryGetValue(out var value, out var error))
            {
                return error;
            }

            string name = value.Name;
            var settings = await LoadRotationSettingsAsync(session, name, cancellationToken).ConfigureAwait(false);
            if (settings.Interval is null || settings.Publisher is null)
            {
                if (requireOn)
                {
                    return StoreResult<AutomaticRotationStatus>.Failure(StoreErrorKind.Conflict,
                        $"{name} has no automatic rotation: choose a publisher and an interval first");
                }
            }

            await session.ExecuteAsync(
                $"INSERT INTO domain_rotation ({DomainRotationRow.SettingsColumns}) VALUES (@domain, NULL, NULL, 'Rsa2048', 'Date', @overlap, @revoked, 0) ON CONFLICT (domain) DO NOTHING",
                StoreParameters.Of(new { domain = name, overlap = settings.Overlap.Ticks, revoked = settings.RevokedRecordLifetime.Ticks }), cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync(update, StoreParameters.Of(new { domain = name }), cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, action, name, name, detail, cancellationToken).ConfigureAwait(false);
            var status = await LoadRotationStatusAsync(session, name, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<AutomaticRotationStatus>.Success(status);
        });

    private static async Task<AutomaticRotationStatus> LoadRotationStatusAsync(StoreSession session, string domain, CancellationToken cancellationToken)
    {
        var settings = await LoadRotationSettingsAsync(session, domain, cancellationToken).ConfigureAwait(false);
        var state = await session.QuerySingleOrDefaultAsync<RotationStateRow>(
            "SELECT step, step_at, attempts, next_attempt_at, last_failure, last_rotated_at, run_now FROM domain_rotation WHERE domain = @domain",
            StoreParameters.Of(new { domain }), cancellationToken).ConfigureAwait(false) ?? new RotationStateRow();
        long? activeSince = await session.ScalarAsync<long?>(
            "SELECT MAX(activated_at) FROM keys WHERE scope = 'Domain' AND domain = @domain AND state = 'Active'", StoreParameters.Of(new { domain }), cancellationToken)
            .ConfigureAwait(false);
        DateTimeOffset? next = settings.Interval is { } interval && settings.Publisher is not null && !settings.Paused
            ? (activeSince is { } since ? StoreTime.FromTicks(since) + interval : null)
            : null;
        return new AutomaticRotationStatus(domain, settings, state.Step, StoreTime.FromTicks(state.StepAt), next, (int)state.Attempts,
            StoreTime.FromTicks(state.NextAttemptAt), state.LastFailure, state.RunNow != 0);
    }
}
