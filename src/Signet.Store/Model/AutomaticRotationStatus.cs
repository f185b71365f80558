namespace Signet.Store.Model;

/// <summary>Where a domain's hands-off rotation stands, for the console, the API and <c>signet rotation status</c>:
/// what the driver did or waits for last, and when it failed, why and what to do.</summary>
public sealed record AutomaticRotationStatus(
    string Domain,
    DomainRotationSettings Settings,
    string Step,
    DateTimeOffset? StepAt,
    DateTimeOffset? NextRotationAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastFailure,
    bool RunNowRequested);
