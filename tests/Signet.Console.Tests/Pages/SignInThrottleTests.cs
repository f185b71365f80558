using Signet.Admin.Console.Security;
using Signet.Testing;

namespace Signet.Console.Tests.Pages;

public sealed class SignInThrottleTests
{
    [Fact]
    public void RetryAfter_FifthFailureForAUser_BlocksUntilTheWindowPasses()
    {
        var time = new ManualTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));
        var throttle = new SignInThrottle(time);
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerUser; i++)
        {
            Assert.Null(throttle.RetryAfter("Alice", "192.0.2.1"));
            throttle.RecordFailure("alice", "192.0.2.1");
        }

        Assert.Equal(SignInThrottle.Window, throttle.RetryAfter("ALICE", "192.0.2.9"));
        time.Advance(SignInThrottle.Window);
        Assert.Null(throttle.RetryAfter("alice", "192.0.2.1"));
    }

    [Fact]
    public void RetryAfter_ManyUsersFromOneAddress_BlocksTheAddress()
    {
        var throttle = new SignInThrottle(new ManualTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z")));
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerAddress; i++)
        {
            throttle.RecordFailure("user" + i, "192.0.2.1");
        }

        Assert.NotNull(throttle.RetryAfter("someone-new", "192.0.2.1"));
        Assert.Null(throttle.RetryAfter("someone-new", "192.0.2.2"));
    }
}
