using Signet.Store.Model;

namespace Signet.Store.Tests.Model;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(90L * 24 * 3600, "90 days")]
    [InlineData(24L * 3600, "1 day")]
    [InlineData(36L * 3600, "36 hours")]
    [InlineData(20, "20 seconds")]
    [InlineData(1, "1 second")]
    [InlineData(90, "90 seconds")]
    [InlineData(120, "2 minutes")]
    [InlineData(0, "0 seconds")]
    public void Describe_NamesThePeriodInTheLargestUnitItFillsExactly(long seconds, string expected) =>
        Assert.Equal(expected, DurationText.Describe(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Describe_ASecondsLongPeriod_IsNeverZeroDays() =>
        Assert.Equal("1.5 seconds", DurationText.Describe(TimeSpan.FromMilliseconds(1500)));
}
