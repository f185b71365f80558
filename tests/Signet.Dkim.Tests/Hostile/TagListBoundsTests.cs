using System.Text;
using Signet.Testing;

namespace Signet.Dkim.Tests.Hostile;

/// <summary>Tag lists (RFC 6376 §3.2) shaped to make a parser quadratic.</summary>
public class TagListBoundsTests
{
    [Fact]
    public void Parse_HundredThousandEmptySpecs_IsAnEmptyList()
    {
        byte[] input = Encoding.ASCII.GetBytes(new string(';', 100_000));

        var tags = HangBound.Within(() => DkimTagList.TryParse(input, out var parsed, out _) ? parsed : null);

        Assert.Equal(0, tags!.Count);
    }

    [Fact]
    public void Parse_HundredThousandDistinctTags_KeepsThemAll()
    {
        byte[] input = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 100_000).Select(i => $"t{i}=v;")));

        var tags = HangBound.Within(() => DkimTagList.TryParse(input, out var parsed, out _) ? parsed : null);

        Assert.Equal(100_000, tags!.Count);
    }

    [Fact]
    public void Parse_DuplicateAfterHundredThousandTags_FailsNamingTheTag()
    {
        byte[] input = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 100_000).Select(i => $"t{i}=v;")) + "t7=again");

        string error = HangBound.Within(() => DkimTagList.TryParse(input, out _, out string e) ? string.Empty : e);

        Assert.Contains("t7= appears twice", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HundredThousandFoldsInOneValue_KeepsTheValue()
    {
        byte[] input = Encoding.ASCII.GetBytes("b=" + string.Concat(Enumerable.Repeat("AAAA\r\n ", 100_000)) + "AAAA");

        var tags = HangBound.Within(() => DkimTagList.TryParse(input, out var parsed, out _) ? parsed : null);

        Assert.True(tags!.TryGet("b"u8, out var value));
        Assert.Equal(100_001 * 4 + 100_000 * 3, value.Length);
    }

    [Theory]
    [InlineData(31, 0)]
    [InlineData(31, 30)]
    [InlineData(32, 31)]
    [InlineData(33, 0)]
    [InlineData(33, 32)]
    [InlineData(64, 40)]
    public void Parse_DuplicateAroundTheScannedCount_FailsNamingTheTag(int distinct, int repeated)
    {
        byte[] input = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, distinct).Select(i => $"t{i}=v;")) + $"t{repeated}=again");

        Assert.False(DkimTagList.TryParse(input, out _, out string error));
        Assert.Contains($"t{repeated}= appears twice", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void Parse_DistinctTagsAroundTheScannedCount_KeepsThemAll(int distinct)
    {
        byte[] input = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, distinct).Select(i => $"t{i}=v;")) + "T0=case");

        Assert.True(DkimTagList.TryParse(input, out var tags, out string error), error);
        Assert.Equal(distinct + 1, tags.Count);
    }
}
