using System.Text;
using Signet.Dkim.Alignment;

namespace Signet.Dkim.Tests.Alignment;

public class FromHeaderParserTests
{
    [Theory]
    [InlineData("user@example.com", "example.com", "user@example.com")]
    [InlineData(" John Doe <john@example.com>", "example.com", "john@example.com")]
    [InlineData("<john@example.com>", "example.com", "john@example.com")]
    [InlineData("\"Doe, John\" <john@example.com>", "example.com", "john@example.com")]
    [InlineData("\"Joe \\\"Q\\\" Public\" <joe@example.com>", "example.com", "joe@example.com")]
    [InlineData("\"quoted local\"@example.com", "example.com", "\"quoted local\"@example.com")]
    [InlineData("john@example.com (John (the (nested)) Doe)", "example.com", "john@example.com")]
    [InlineData("(comment \\) with escape) <john@Example.COM>", "example.com", "john@example.com")]
    [InlineData("=?utf-8?q?J=C3=B6rg?= <jorg@example.com>", "example.com", "jorg@example.com")]
    [InlineData("=?utf-8?Q?Doe,_J=C3=B6rg?= <jorg@example.com>", "example.com", "jorg@example.com")]
    [InlineData("=?ISO-8859-1?B?SvZyZw==?= Smith <jorg@example.com>", "example.com", "jorg@example.com")]
    [InlineData("John Q. Public <jqp@example.com>", "example.com", "jqp@example.com")]
    [InlineData("<@relay.example,@other.example:user@example.com>", "example.com", "user@example.com")]
    [InlineData("user . name @ example . com", "example.com", "user.name@example.com")]
    [InlineData("Jörg <jörg@bücher.example>", "xn--bcher-kva.example", "jörg@xn--bcher-kva.example")]
    [InlineData("user@BÜCHER.example", "xn--bcher-kva.example", "user@xn--bcher-kva.example")]
    [InlineData("user@xn--bcher-kva.example", "xn--bcher-kva.example", "user@xn--bcher-kva.example")]
    [InlineData("user@example.com.", "example.com", "user@example.com")]
    [InlineData("John Doe\r\n <john@example.com>\r\n", "example.com", "john@example.com")]
    [InlineData(", user@example.com,", "example.com", "user@example.com")]
    [InlineData("team: john@example.com;", "example.com", "john@example.com")]
    [InlineData("\"ceo@bank.example\" <mallory@example.com>", "example.com", "mallory@example.com")]
    public void Parse_OneMailbox_GivesItsDomain(string value, string domain, string address)
    {
        var result = Parse(value);

        Assert.Equal(FromDomainStatus.One, result.Status);
        Assert.Equal([domain], result.Domains);
        Assert.Equal([address], result.Addresses);
        Assert.Equal(domain, result.AuthorDomain);
    }

    [Theory]
    [InlineData("a@one.example, b@two.example", "one.example,two.example", "2 mailboxes")]
    [InlineData("team: a@one.example, \"B\" <b@two.example>;", "one.example,two.example", "2 mailboxes")]
    [InlineData("a@example.com, b@EXAMPLE.com", "example.com", "all at example.com")]
    public void Parse_SeveralMailboxes_IsSeveralAndListsEveryDomain(string value, string domains, string expected)
    {
        var result = Parse(value);

        Assert.Equal(FromDomainStatus.Several, result.Status);
        Assert.Equal(domains.Split(','), result.Domains);
        Assert.Null(result.AuthorDomain);
        Assert.Contains(expected, result.Message);
    }

    [Fact]
    public void Parse_TwoFromFields_IsSeveralEvenWithOneMailboxEach()
    {
        var result = Parse("a@one.example", "b@two.example");

        Assert.Equal(FromDomainStatus.Several, result.Status);
        Assert.Equal(["one.example", "two.example"], result.Domains);
        Assert.Contains("2 From header fields", result.Message);
    }

    [Fact]
    public void Parse_TwoFromFieldsOneMalformed_IsSeveralAndSaysWhatIsWrong()
    {
        var result = Parse("a@one.example", "garbage");

        Assert.Equal(FromDomainStatus.Several, result.Status);
        Assert.Contains("From field 2 is malformed", result.Message);
    }

    [Fact]
    public void Parse_NoFromField_IsNone()
    {
        var result = Parse();

        Assert.Equal(FromDomainStatus.None, result.Status);
        Assert.Empty(result.Domains);
        Assert.Contains("no From header field", result.Message);
    }

    [Theory]
    [InlineData("undisclosed-recipients:;")]
    [InlineData("empty group: (nobody) ;")]
    public void Parse_EmptyGroup_IsNone(string value)
    {
        var result = Parse(value);

        Assert.Equal(FromDomainStatus.None, result.Status);
        Assert.Contains("group with no mailbox", result.Message);
    }

    [Theory]
    [InlineData("", "holds no address")]
    [InlineData("garbage", "expected '@'")]
    [InlineData("John Doe", "expected '@'")]
    [InlineData("<>", "<> is empty")]
    [InlineData("John <john@example.com", "expected '>'")]
    [InlineData("john@[192.0.2.1]", "address literal")]
    [InlineData("(unclosed comment john@example.com", "comment is not closed")]
    [InlineData("\"unclosed quote <a@example.com>", "quoted string is not closed")]
    [InlineData("a@example..com", "expected a label")]
    [InlineData("a@ex!ample.com", "contains '!'")]
    [InlineData("a@example.com b@example.com", "expected ','")]
    [InlineData("team: a@example.com", "not closed with ';'")]
    [InlineData("outer: inner: a@example.com;;", "cannot be nested")]
    [InlineData("a@example.com\r\nTo: b@example.com", "line break not followed by whitespace")]
    [InlineData("ceo@bank.example <mallory@example.com>", "expected ','")]
    [InlineData("=?utf-8?q?<ceo@bank.example>?= <mallory@example.com>", "expected ','")]
    public void Parse_Malformed_IsUnparseableAndSaysWhy(string value, string expected)
    {
        var result = Parse(value);

        Assert.Equal(FromDomainStatus.Unparseable, result.Status);
        Assert.Contains(expected, result.Message);
    }

    [Fact]
    public void Parse_InvalidUtf8_IsUnparseable()
    {
        byte[] latin1 = [.. "J"u8, 0xF6, .. "rg <j@example.com>"u8];

        var result = FromHeaderParser.Parse([latin1]);

        Assert.Equal(FromDomainStatus.Unparseable, result.Status);
        Assert.Contains("UTF-8", result.Message);
    }

    private static FromDomainResult Parse(params string[] values) =>
        FromHeaderParser.Parse([.. values.Select(v => new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(v)))]);
}
