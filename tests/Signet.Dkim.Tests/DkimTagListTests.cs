using System.Text;
using Signet.Dkim;

namespace Signet.Dkim.Tests;

public class DkimTagListTests
{
    [Fact]
    public void TryParse_FoldedValuesAndTrailingSemicolon_KeepsInnerWhitespace()
    {
        Assert.True(DkimTagList.TryParse("v=1; a = rsa-sha256 ;\r\n\tb=ab\r\n cd;"u8, out var tags, out _));
        Assert.Equal(3, tags.Count);
        Assert.True(tags.TryGet("a"u8, out var a));
        Assert.Equal("rsa-sha256", Encoding.ASCII.GetString(a));
        Assert.True(tags.TryGet("b"u8, out var b));
        Assert.Equal("ab\r\n cd", Encoding.ASCII.GetString(b));
    }

    [Theory]
    [InlineData("v=1; v=1", "appears twice")]
    [InlineData("v=1; nonsense", "has no '='")]
    [InlineData("1a=2", "not a valid tag name")]
    public void TryParse_Malformed_SaysWhy(string input, string expected)
    {
        Assert.False(DkimTagList.TryParse(Encoding.ASCII.GetBytes(input), out _, out var error));
        Assert.Contains(expected, error);
    }
}
