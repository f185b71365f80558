using System.Text;
using Signet.Dkim.Alignment;
using Signet.Testing;

namespace Signet.Dkim.Tests.Hostile;

/// <summary>From fields (RFC 5322 §3.4) built to make an address parser recurse or backtrack.</summary>
public class FromBoundsTests
{
    [Fact]
    public void Parse_HundredThousandNestedComments_FindsTheAddress()
    {
        string value = " " + new string('(', 100_000) + new string(')', 100_000) + " joe@example.com";

        var result = HangBound.Within(() => Parse(Encoding.ASCII.GetBytes(value)));

        Assert.Equal(FromDomainStatus.One, result.Status);
        Assert.Equal("example.com", result.AuthorDomain);
    }

    [Fact]
    public void Parse_HundredThousandUnclosedParentheses_IsUnparseable()
    {
        var result = HangBound.Within(() => Parse(Encoding.ASCII.GetBytes(" joe@example.com " + new string('(', 100_000))));

        Assert.Equal(FromDomainStatus.Unparseable, result.Status);
    }

    [Fact]
    public void Parse_HundredThousandCommentsBetweenWords_FindsTheAddress()
    {
        string comments = string.Concat(Enumerable.Repeat("(c) ", 100_000));
        var result = HangBound.Within(() => Parse(Encoding.ASCII.GetBytes($" Joe {comments}<joe@example.com>")));

        Assert.Equal("example.com", result.AuthorDomain);
    }

    [Fact]
    public void Parse_HundredThousandFolds_FindsTheAddress()
    {
        string folded = string.Concat(Enumerable.Repeat("\r\n word", 100_000));
        var result = HangBound.Within(() => Parse(Encoding.ASCII.GetBytes($"{folded} <joe@example.com>")));

        Assert.Equal("example.com", result.AuthorDomain);
    }

    [Fact]
    public void Parse_HundredThousandEmptyListElements_FindsTheAddress()
    {
        var result = HangBound.Within(() => Parse(Encoding.ASCII.GetBytes(" " + new string(',', 100_000) + "joe@example.com")));

        Assert.NotEqual(FromDomainStatus.None, result.Status);
    }

    [Fact]
    public void Parse_HundredThousandMailboxesAtDistinctDomains_ReportsSeveral()
    {
        string list = string.Join(", ", Enumerable.Range(0, 100_000).Select(i => $"a@d{i}.example"));

        var result = HangBound.Within(() => Parse(Encoding.ASCII.GetBytes(" " + list)));

        Assert.Equal(FromDomainStatus.Several, result.Status);
        Assert.Equal(100_000, result.Domains.Count);
    }

    [Fact]
    public void Parse_InvalidUtf8_IsUnparseable()
    {
        var result = Parse([.. " J"u8, 0xC3, 0x28, .. " <joe@example.com>"u8]);

        Assert.Equal(FromDomainStatus.Unparseable, result.Status);
        Assert.Contains("UTF-8", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NulByte_IsUnparseable()
    {
        Assert.Equal(FromDomainStatus.Unparseable, Parse(" jo\0e@example.com"u8.ToArray()).Status);
    }

    private static FromDomainResult Parse(byte[] value) => FromHeaderParser.Parse([value]);
}
