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

    [Fact]
    public void TryParse_EveryByteInAValue_IsRefusedExactlyWhenItIsNoTagValueCharacter()
    {
        // RFC 6376 §3.2: VALCHAR is %x21-3A / %x3C-7E, with folding whitespace between; bytes above 0x7E are let
        // through (UTF-8). Each byte stands alone, at the start, in the middle and at the end of a long value (where
        // a vectorized search crosses blocks).
        for (int value = 0; value < 256; value++)
        {
            byte b = (byte)value;
            if (b == (byte)';')
            {
                continue; // it ends the spec, it is never inside a value
            }

            bool allowed = b is >= 0x21 and <= 0x7E || b > 0x7F;
            foreach (string shape in new[] { "{0}x", "x{0}", new string('x', 40) + "{0}" + new string('x', 40) })
            {
                byte[] list = [.. "a=x; b="u8, .. Encoding.Latin1.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, (char)b)), .. "; c=y"u8];
                bool whitespace = b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
                bool parsed = DkimTagList.TryParse(list, out _, out string error);
                Assert.True(parsed == (allowed || whitespace), $"byte 0x{b:X2} in \"{shape}\": {error}");
            }
        }
    }

    [Fact]
    public void TryGet_NamesOfEveryLength_FindsEachAndNoPrefix()
    {
        Assert.True(DkimTagList.TryParse("b=1; bh=2; bhx=3; x_1=4"u8, out var tags, out _));

        foreach (var (name, expected) in new[] { ("b", "1"), ("bh", "2"), ("bhx", "3"), ("x_1", "4") })
        {
            Assert.True(tags.TryGet(Encoding.ASCII.GetBytes(name), out var value), name);
            Assert.Equal(expected, Encoding.ASCII.GetString(value));
        }

        Assert.False(tags.TryGet("x"u8, out _));
        Assert.False(tags.TryGet("bhxy"u8, out _));
        Assert.False(tags.TryGet(""u8, out _));
    }

    [Fact]
    public void TryParse_ThousandsOfEmptySpecsAroundTwoTags_FindsBoth()
    {
        // A hostile list of 100,000 semicolons: the tags found are two, and the array holding them stays small.
        string input = "a=1;" + new string(';', 100_000) + "b=2;;";
        Assert.True(DkimTagList.TryParse(Encoding.ASCII.GetBytes(input), out var tags, out _));
        Assert.Equal(2, tags.Count);
        Assert.True(tags.TryGet("b"u8, out var b));
        Assert.Equal("2", Encoding.ASCII.GetString(b));
    }

    [Fact]
    public void TryParse_MoreTagsThanTheFirstEstimate_KeepsEveryOneInOrder()
    {
        // 100 distinct tags: past the 32 compared by bytes, the set of names takes over, and the array grows.
        string input = string.Join("; ", Enumerable.Range(0, 100).Select(i => $"t{i}=v{i}"));
        Assert.True(DkimTagList.TryParse(Encoding.ASCII.GetBytes(input), out var tags, out _));
        Assert.Equal(100, tags.Count);
        Assert.Equal("t99", Encoding.ASCII.GetString(tags.NameAt(99)));
        Assert.True(tags.TryGet("t57"u8, out var value));
        Assert.Equal("v57", Encoding.ASCII.GetString(value));
        Assert.False(DkimTagList.TryParse(Encoding.ASCII.GetBytes(input + "; t40=again"), out _, out string error));
        Assert.Contains("t40= appears twice", error, StringComparison.Ordinal);
    }
}
