using Signet.Store.Security;
using Signet.Testing;

namespace Signet.Store.Tests.Security;

public sealed class SignInThrottleTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void RetryAfter_FifthFailureForAUser_AsksForTheFirstDelayWhateverTheAddressOrCase()
    {
        var time = new ManualTimeProvider(Start);
        var throttle = new SignInThrottle(time);
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerUser; i++)
        {
            Assert.Null(throttle.RetryAfter("Alice", "192.0.2.1"));
            throttle.RecordFailure("alice", "192.0.2.1");
        }

        Assert.Equal(SignInThrottle.FirstDelay, throttle.RetryAfter("ALICE", "192.0.2.9"));
        time.Advance(SignInThrottle.FirstDelay);
        Assert.Null(throttle.RetryAfter("alice", "192.0.2.1"));
    }

    [Fact]
    public void RetryAfter_EachFurtherFailure_DoublesTheDelayUpToTheLongest()
    {
        var time = new ManualTimeProvider(Start);
        var throttle = new SignInThrottle(time);
        var waits = new List<TimeSpan>();
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerUser + 12; i++)
        {
            if (throttle.RetryAfter("alice", "192.0.2.1") is { } wait)
            {
                waits.Add(wait);
                time.Advance(wait);
            }

            throttle.RecordFailure("alice", "192.0.2." + (i % 3));
        }

        Assert.Equal(TimeSpan.FromSeconds(2), waits[0]);
        Assert.Equal(TimeSpan.FromSeconds(4), waits[1]);
        Assert.Equal(TimeSpan.FromSeconds(8), waits[2]);
        Assert.Equal(SignInThrottle.LongestDelay, waits[^1]);
        Assert.All(waits, w => Assert.True(w <= SignInThrottle.LongestDelay));
    }

    [Fact]
    public void RetryAfter_AttemptsRefusedWhileWaiting_DoNotRenewOrLengthenTheDelay()
    {
        var time = new ManualTimeProvider(Start);
        var throttle = new SignInThrottle(time);
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerUser; i++)
        {
            throttle.RecordFailure("alice", "192.0.2.1");
        }

        // An attacker hammering during the delay only ever gets "wait": the caller does not check or record these.
        for (int i = 0; i < 100; i++)
        {
            Assert.NotNull(throttle.RetryAfter("alice", "192.0.2.1"));
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        time.Advance(SignInThrottle.FirstDelay);
        Assert.Null(throttle.RetryAfter("alice", "192.0.2.1"));
    }

    [Fact]
    public void RetryAfter_ManyUsersFromOneAddress_SlowsTheAddressOnly()
    {
        var throttle = new SignInThrottle(new ManualTimeProvider(Start));
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerAddress; i++)
        {
            throttle.RecordFailure("user" + i, "192.0.2.1");
        }

        Assert.NotNull(throttle.RetryAfter("someone-new", "192.0.2.1"));
        Assert.Null(throttle.RetryAfter("someone-new", "192.0.2.2"));
    }

    [Fact]
    public void RetryAfter_QuietForTheWindow_ForgetsTheFailures()
    {
        var time = new ManualTimeProvider(Start);
        var throttle = new SignInThrottle(time);
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerUser + 3; i++)
        {
            throttle.RecordFailure("alice", "192.0.2.1");
        }

        time.Advance(SignInThrottle.Window);

        Assert.Null(throttle.RetryAfter("alice", "192.0.2.1"));
        throttle.RecordFailure("alice", "192.0.2.1");
        Assert.Null(throttle.RetryAfter("alice", "192.0.2.1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\0\r\nRCPT TO:<x>")]
    [InlineData("ÅLICE\u202e")]
    public void RecordFailure_HostileUserNames_AreCountedLikeAnyOther(string name)
    {
        var throttle = new SignInThrottle(new ManualTimeProvider(Start));
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerUser; i++)
        {
            throttle.RecordFailure(name, "192.0.2." + i);
        }

        Assert.NotNull(throttle.RetryAfter(name, "192.0.2.200"));
    }
}
