using Signet.Dkim;
using Signet.Dns.Publishing;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Store.Rotation;

/// <summary>Drives each domain's hands-off rotation one round at a time: generate → publish → wait until every
/// authoritative server serves the record → activate (the old key retires in the same change) → after the overlap,
/// publish the revoked form (<c>p=</c> empty) and revoke → after the revoked record's lifetime, remove the record and
/// destroy the private key. All state is in the store's keys and domain_rotation row, and every DNS change is
/// idempotent, so a round interrupted anywhere is finished by the next, on this node or another. A node works on a
/// domain only under its lease. A failure stops the round where it is, which is always safe: a key signs only once
/// every server serves it, and a record goes only after its key stopped signing more than the overlap ago.</summary>
public sealed class AutomaticRotationDriver(SignetStore store, TimeProvider time, string node)
{
    /// <summary>How long a node holds a domain: far beyond one round, and short enough that another node takes over soon
    /// after this one dies mid-round.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between tries after repeated failures.</summary>
    public static readonly TimeSpan MaximumBackOff = TimeSpan.FromHours(1);

    private static readonly Actor Driver = Actor.LocalAdministrator;

    /// <summary>Advances every domain whose rotation is on; returns a line for each domain where something changed or
    /// failed (a round that only waits says nothing: the domain's status shows what it waits for).</summary>
    public async Task<IReadOnlyList<string>> AdvanceAsync(CancellationToken cancellationToken)
    {
        var domains = await store.ListRotatingDomainsAsync(Driver, cancellationToken).ConfigureAwait(false);
        if (!domains.TryGetValue(out var domainList, out var error))
        {
            return [$"rotation: {error.Message}"];
        }

        var lines = new List<string>();
        foreach (string domain in domainList)
        {
            if (!await IsDueAsync(domain, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var lease = await store.TryLeaseRotationAsync(domain, node, Lease, RotationNode.IsGone, cancellationToken).ConfigureAwait(false);
            if (!lease.TryGetValue(out var value, out _) || !value)
            {
                continue;
            }

            try
            {
                if (await AdvanceDomainAsync(domain, cancellationToken).ConfigureAwait(false) is { } line)
                {
                    lines.Add($"{domain}: {line}");
                }
            }
            finally
            {
                await store.ReleaseRotationLeaseAsync(domain, node, CancellationToken.None).ConfigureAwait(false);
            }
        }

        return lines;
    }

    /// <summary>Reads, without the lease, whether the domain's round has anything to do; a read that fails lets the
    /// round run, which reports the failure.</summary>
    private async Task<bool> IsDueAsync(string domain, CancellationToken cancellationToken)
    {
        var read = await store.GetRotationStatusAsync(Driver, domain, cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(out var status, out _))
        {
            return true;
        }

        var listed = await store.ListKeysAsync(Driver, KeyOwner.ForDomain(domain), cancellationToken).ConfigureAwait(false);
        return !listed.TryGetValue(out var keys, out _) || RotationRoundNeed.IsDue(status, keys, time.GetUtcNow());
    }

    private async Task<string?> AdvanceDomainAsync(string domain, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var read = await store.GetRotationStatusAsync(Driver, domain, cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(out var status, out _) || (status.NextAttemptAt is { } retryAt && retryAt > now && !status.RunNowRequested))
        {
            return null;
        }

        var opened = await store.OpenPublisherAsync(Driver, domain, cancellationToken).ConfigureAwait(false);
        if (!opened.TryGetValue(out var value, out var error) || value is null)
        {
            return await FailAsync(status, "opening the publisher", error?.Message ?? "no publisher is chosen", cancellationToken).ConfigureAwait(false);
        }

        var round = new Round(store, value, status, now);
        var outcome = await round.RunAsync(cancellationToken).ConfigureAwait(false);
        if (outcome.Failure is not null)
        {
            return await FailAsync(status, outcome.Step, outcome.Failure, cancellationToken).ConfigureAwait(false);
        }

        await store.RecordRotationStepAsync(domain, outcome.Step, null, null, outcome.Changed, cancellationToken).ConfigureAwait(false);
        return outcome.Changed ? outcome.Step : null;
    }

    private async Task<string> FailAsync(AutomaticRotationStatus status, string step, string failure, CancellationToken cancellationToken)
    {
        // Doubling from one minute: a primary that restarts is caught soon, a wrong secret is not hammered.
        var wait = TimeSpan.FromMinutes(Math.Pow(2, Math.Min(status.Attempts, 10)));
        var retryAt = time.GetUtcNow() + (wait < MaximumBackOff ? wait : MaximumBackOff);
        string text = $"{failure}; the current key keeps signing, and this step is tried again at {retryAt:u}";
        await store.RecordRotationStepAsync(status.Domain, $"stopped at: {step}", text, retryAt, false, cancellationToken).ConfigureAwait(false);
        return $"stopped at {step}: {text}";
    }

    /// <summary>One round for one domain: each step is the DNS change first, then the store change, so a crash
    /// between the two repeats an idempotent DNS change and nothing else.</summary>
    private sealed class Round(SignetStore store, IDkimRecordPublisher publisher, AutomaticRotationStatus status, DateTimeOffset now)
    {
        private readonly DomainRotationSettings _settings = status.Settings;
        private readonly List<string> _done = [];

        public async Task<(string Step, string? Failure, bool Changed)> RunAsync(CancellationToken cancellationToken)
        {
            var listed = await store.ListKeysAsync(Driver, KeyOwner.ForDomain(status.Domain), cancellationToken).ConfigureAwait(false);
            if (!listed.TryGetValue(out var keys, out var error))
            {
                return ("reading the keys", error.Message, false);
            }

            foreach (var key in keys.Where(k => k.State == KeyState.Revoked && k.RevokedAt + _settings.RevokedRecordLifetime <= now))
            {
                if (await RemoveAsync(key, cancellationToken).ConfigureAwait(false) is { } failed)
                {
                    return failed;
                }
            }

            foreach (var key in keys.Where(k => k.State == KeyState.Retiring && k.RetiredAt + _settings.Overlap <= now))
            {
                if (await RevokeAsync(key, cancellationToken).ConfigureAwait(false) is { } failed)
                {
                    return failed;
                }
            }

            var pending = keys.Where(k => k.State == KeyState.Pending).ToList();
            if (pending.Count == 0 && await GenerateDueAsync(keys, cancellationToken).ConfigureAwait(false) is { } generated)
            {
                if (generated.Failure is not null)
                {
                    return (generated.Step, generated.Failure, false);
                }

                pending = generated.Keys;
            }

            foreach (var key in pending)
            {
                if (await PublishAndActivateAsync(key, cancellationToken).ConfigureAwait(false) is { } waiting)
                {
                    return waiting;
                }
            }

            return _done.Count > 0 ? (string.Join("; ", _done), null, true) : (RotationRoundNeed.IdleStep(keys, _settings), null, false);
        }

        private async Task<(string, string?, bool)?> RemoveAsync(KeyEntry key, CancellationToken cancellationToken)
        {
            string step = $"removing the revoked record {key.RecordName}";
            var removed = await publisher.UnpublishAsync(key.RecordName, cancellationToken).ConfigureAwait(false);
            if (!removed.Succeeded)
            {
                return (step, removed.Reason, false);
            }

            var deleted = await store.DeleteKeyAsync(Driver, key.Id, cancellationToken).ConfigureAwait(false);
            if (!deleted.TryGetValue(out _, out var error))
            {
                return (step, error.Message, false);
            }

            _done.Add($"removed {key.RecordName} from DNS and destroyed its private key");
            return null;
        }

        private async Task<(string, string?, bool)?> RevokeAsync(KeyEntry key, CancellationToken cancellationToken)
        {
            string step = $"revoking {key.RecordName}";
            var replaced = await publisher.ReplaceAsync(key.RecordName, KeyRecords.RevokedValue, cancellationToken).ConfigureAwait(false);
            if (!replaced.Succeeded)
            {
                return (step, replaced.Reason, false);
            }

            var revoked = await store.RevokeKeyAsync(Driver, key.Id, cancellationToken).ConfigureAwait(false);
            if (!revoked.TryGetValue(out _, out var revokedError))
            {
                return (step, revokedError.Message, false);
            }

            _done.Add($"published {key.RecordName} revoked (\"{KeyRecords.RevokedValue}\"), {DurationText.Describe(_settings.Overlap)} after it stopped signing");
            return null;
        }

        private async Task<(string Step, string? Failure, List<KeyEntry> Keys)?> GenerateDueAsync(IReadOnlyList<KeyEntry> keys, CancellationToken cancellationToken)
        {
            var taken = keys.Select(k => k.Selector).ToList();
            var generated = new List<KeyEntry>();
            foreach (var type in RotationSelectors.TypesOf(_settings.KeyKinds))
            {
                var active = keys.Where(k => k.State == KeyState.Active && RotationSelectors.IsOfType(k, type)).MaxBy(k => k.ActivatedAt);
                bool due = status.RunNowRequested || active is null || active.ActivatedAt + _settings.Interval <= now;
                if (!due)
                {
                    continue;
                }

                string selector = RotationSelectors.Next(_settings.SelectorScheme, _settings.KeyKinds, type, now, taken);
                var key = await store.GenerateKeyAsync(Driver, KeyOwner.ForDomain(status.Domain), new KeyGenerationRequest(selector, type), cancellationToken)
                    .ConfigureAwait(false);
                if (!key.TryGetValue(out var keyEntry, out var error))
                {
                    return ($"generating a key under {selector}", error.Message, generated);
                }

                taken.Add(selector);
                generated.Add(keyEntry);
                _done.Add($"generated {keyEntry.RecordName}" + (active is null ? string.Empty : $" to replace {active.RecordName}"));
            }

            if (generated.Count == 0)
            {
                return null;
            }

            await store.RecordRotationStartedAsync(status.Domain, cancellationToken).ConfigureAwait(false);
            return (string.Empty, null, generated);
        }

        private async Task<(string, string?, bool)?> PublishAndActivateAsync(KeyEntry key, CancellationToken cancellationToken)
        {
            var published = await publisher.PublishAsync(key.RecordName, KeyRecords.ValueFor(key), cancellationToken).ConfigureAwait(false);
            if (!published.Succeeded)
            {
                return ($"publishing {key.RecordName}", published.Reason, _done.Count > 0);
            }

            // The store activates only when every authoritative server of the zone serves this key; until then the
            // key stays pending and the old one signs.
            var activated = await store.ActivateKeyAsync(Driver, key.Id, false, cancellationToken).ConfigureAwait(false);
            if (!activated.TryGetValue(out _, out var activatedError))
            {
                return activatedError.Kind == StoreErrorKind.Conflict
                    ? (string.Join("; ", _done.Append($"{key.RecordName} is published; waiting until every authoritative server serves it: {activatedError.Message}")),
                        null, _done.Count > 0)
                    : ($"activating {key.RecordName}", activatedError.Message, _done.Count > 0);
            }

            _done.Add($"{key.RecordName} signs now: every authoritative server serves it");
            return null;
        }
    }
}
