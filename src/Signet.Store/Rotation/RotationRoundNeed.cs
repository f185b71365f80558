using Signet.Store.Model;

namespace Signet.Store.Rotation;

/// <summary>Whether a domain's rotation round has anything to do now, judged from what the store says without taking
/// the lease. Every node of a fleet runs a round for every rotating domain; a round that only found nothing due used to
/// take the lease, record the same "idle" step and give the lease back: three writes per domain per node per round,
/// each waiting for the database's log flush (docs/performance.md, "Two nodes on one PostgreSQL"). Such a round is now
/// two reads.</summary>
internal static class RotationRoundNeed
{
    /// <summary>True when a round would change something or record something new: a run-now request, a retry that is
    /// due, a record to remove or revoke, a pending key to publish or activate, a key due for replacement, or an idle
    /// step text that differs from the recorded one (so the status always says what the keys are doing now).</summary>
    public static bool IsDue(AutomaticRotationStatus status, IReadOnlyList<KeyEntry> keys, DateTimeOffset now)
    {
        var settings = status.Settings;
        if (status.RunNowRequested)
        {
            return true;
        }

        if (status.NextAttemptAt is { } retryAt)
        {
            // Backing off after a failure: nothing until the retry time; then the failed step is tried again.
            return retryAt <= now;
        }

        if (keys.Any(k => k.State == KeyState.Pending
            || (k.State == KeyState.Revoked && k.RevokedAt + settings.RevokedRecordLifetime <= now)
            || (k.State == KeyState.Retiring && k.RetiredAt + settings.Overlap <= now)))
        {
            return true;
        }

        foreach (var type in RotationSelectors.TypesOf(settings.KeyKinds))
        {
            var active = keys.Where(k => k.State == KeyState.Active && RotationSelectors.IsOfType(k, type)).MaxBy(k => k.ActivatedAt);
            if (active is null || active.ActivatedAt + settings.Interval <= now)
            {
                return true;
            }
        }

        return !string.Equals(status.Step, IdleStep(keys, settings), StringComparison.Ordinal);
    }

    /// <summary>The step recorded when a round finds nothing due: what each key does and until when.</summary>
    public static string IdleStep(IReadOnlyList<KeyEntry> keys, DomainRotationSettings settings)
    {
        var retiring = keys.Where(k => k.State == KeyState.Retiring).Select(k => $"{k.RecordName} stays published until {k.RetiredAt + settings.Overlap:u}");
        var revoked = keys.Where(k => k.State == KeyState.Revoked).Select(k => $"{k.RecordName} is revoked until {k.RevokedAt + settings.RevokedRecordLifetime:u}");
        var active = keys.Where(k => k.State == KeyState.Active).Select(k => $"{k.RecordName} signs until {k.ActivatedAt + settings.Interval:u}");
        return "idle: " + string.Join("; ", active.Concat(retiring).Concat(revoked).DefaultIfEmpty("no keys"));
    }
}
