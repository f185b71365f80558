using System.Text;

namespace Signet.Dkim.Tests;

public class DkimWhitespaceTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData(" \t\r\n", "")]
    [InlineData("\r\n\t from \t\r\n", "from")]
    [InlineData("a \r\n b", "a \r\n b")]
    [InlineData("\u000Ba\u000C", "\u000Ba\u000C")]
    [InlineData("\0x\0", "\0x\0")]
    public void TrimFolding_TrimsOnlySpaceTabCrAndLfAtTheEnds(string value, string expected)
    {
        Assert.Equal(expected, Encoding.Latin1.GetString(DkimWhitespace.TrimFolding(Encoding.Latin1.GetBytes(value))));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(" \t", "")]
    [InlineData(" Subject \t ", " Subject")]
    [InlineData("Subject\r", "Subject\r")]
    [InlineData("Subject\n ", "Subject\n")]
    public void TrimEndSpaceAndTab_TrimsOnlyWspAtTheEnd(string value, string expected)
    {
        Assert.Equal(expected, Encoding.Latin1.GetString(DkimWhitespace.TrimEndSpaceAndTab(Encoding.Latin1.GetBytes(value))));
    }
}
