using Signet.Dkim;
using Signet.Store.Model;
using Signet.Store.Rotation;

namespace Signet.Store.Tests.Rotation;

/// <summary>New selectors follow the domain's scheme and never reuse one its keys hold.</summary>
public sealed class RotationSelectorsTests
{
    private static readonly DateTimeOffset December = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(RotationKeyKinds.Rsa2048, DkimKeyType.Rsa, new string[0], "s202612")]
    [InlineData(RotationKeyKinds.Rsa2048, DkimKeyType.Rsa, new[] { "s202612" }, "s202612b")]
    [InlineData(RotationKeyKinds.Rsa2048, DkimKeyType.Rsa, new[] { "s202612", "S202612B" }, "s202612c")]
    [InlineData(RotationKeyKinds.Both, DkimKeyType.Rsa, new string[0], "s202612r")]
    [InlineData(RotationKeyKinds.Both, DkimKeyType.Ed25519, new[] { "s202612r" }, "s202612e")]
    [InlineData(RotationKeyKinds.Ed25519, DkimKeyType.Ed25519, new[] { "s202611" }, "s202612")]
    public void Date_IsYearAndMonth_WithAKindLetterForBoth_AndALetterWhenTaken(RotationKeyKinds kinds, DkimKeyType type, string[] taken, string expected) =>
        Assert.Equal(expected, RotationSelectors.Next(SelectorScheme.Date, kinds, type, December, taken));

    [Theory]
    [InlineData(new string[0], "s1")]
    [InlineData(new[] { "s1", "s2" }, "s3")]
    [InlineData(new[] { "s9", "s10", "mail", "s202612", "sx" }, "s202613")]
    [InlineData(new[] { "s-1", "s+5", "s٣" }, "s1")]
    public void Counter_IsOneMoreThanTheHighestNumberedSelector(string[] taken, string expected) =>
        Assert.Equal(expected, RotationSelectors.Next(SelectorScheme.Counter, RotationKeyKinds.Rsa2048, DkimKeyType.Rsa, December, taken));
}
