namespace Signet.Store.Persistence;

/// <summary>The driver's state columns of a domain_rotation row.</summary>
internal sealed class RotationStateRow
{
    public string Step { get; set; } = "Idle";

    public long? StepAt { get; set; }

    public long Attempts { get; set; }

    public long? NextAttemptAt { get; set; }

    public string? LastFailure { get; set; }

    public long? LastRotatedAt { get; set; }

    public long RunNow { get; set; }
}
