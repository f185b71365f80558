namespace Signet.Cli;

/// <summary>A clock stopped at one instant: <c>signet verify --at</c> judges expiry as of then.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
