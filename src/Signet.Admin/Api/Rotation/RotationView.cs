using Signet.Store.Model;

namespace Signet.Admin.Api.Rotation;

/// <summary>A domain's hands-off rotation as the API shows it. <c>step</c> is what the driver did or waits for;
/// <c>lastFailure</c>, when set, says why it stopped and what to do (the current key keeps signing).</summary>
public sealed record AutomaticRotationView(
    string Domain,
    string? Publisher,
    TimeSpan? Interval,
    string KeyKinds,
    string SelectorScheme,
    TimeSpan Overlap,
    TimeSpan RevokedRecordLifetime,
    bool Paused,
    string Step,
    DateTimeOffset? StepAt,
    DateTimeOffset? NextRotationAt,
    bool RunNowRequested,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastFailure)
{
    public static AutomaticRotationView From(AutomaticRotationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var s = status.Settings;
        return new(status.Domain, s.Publisher, s.Interval, RotationNames.Name(s.KeyKinds), RotationNames.Name(s.SelectorScheme), s.Overlap,
            s.RevokedRecordLifetime, s.Paused, status.Step, status.StepAt, status.NextRotationAt, status.RunNowRequested, status.Attempts,
            status.NextAttemptAt, status.LastFailure);
    }
}

/// <summary>A publisher as the API shows it; the TSIG secret is never returned.</summary>
public sealed record PublisherView(string Name, string Kind, string Primary, string Zone, string KeyName, DateTimeOffset CreatedAt)
{
    public static PublisherView From(PublisherEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Name, "rfc2136", entry.Primary, entry.Zone, entry.KeyName, entry.CreatedAt);
    }
}
