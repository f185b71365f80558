namespace Signet.Testing;

/// <summary>A clock stopped at one instant, so vectors never expire.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
