using System.Text;
using Signet.Dkim.Messages;
using Signet.Milter.Dkim;
using Signet.Milter.Protocol;

namespace Signet.Milter.Tests.Dkim;

public sealed class MilterHeaderFieldsTests
{
    [Theory]
    [InlineData("plain value", " plain value", true, "Subject: plain value\r\n")]
    [InlineData("leading space put back", "x", false, "Subject: x\r\n")]
    [InlineData("bare newline fold", " a\n\tb", true, "Subject: a\r\n\tb\r\n")]
    [InlineData("CRLF fold kept as it is", " a\r\n\tb", true, "Subject: a\r\n\tb\r\n")]
    [InlineData("newline first", "\n\tb", true, "Subject:\r\n\tb\r\n")]
    [InlineData("newline last", " a\n", true, "Subject: a\r\n\r\n")]
    [InlineData("newlines in a row", " a\n\n\n", true, "Subject: a\r\n\r\n\r\n\r\n")]
    [InlineData("lone carriage return left alone", " a\rb", true, "Subject: a\rb\r\n")]
    [InlineData("empty value", "", true, "Subject:\r\n")]
    [InlineData("empty value without leading space", "", false, "Subject: \r\n")]
    public void ToField_RebuildsTheFieldWithCrlfFolding(string because, string value, bool leadingSpace, string expected)
    {
        var field = MilterHeaderFields.ToField(MilterHeader.Create("Subject", value), leadingSpace);

        Assert.True(expected == Encoding.UTF8.GetString(field.Raw), because);
        Assert.Equal("Subject", field.Name);
    }

    [Fact]
    public void ToField_NonAsciiName_BecomesQuestionMarksOfTheSameCount()
    {
        var field = MilterHeaderFields.ToField(MilterHeader.Create("X-Ünï", " v"), leadingSpaceIncluded: true);

        Assert.Equal("X-?n?: v\r\n", Encoding.UTF8.GetString(field.Raw));
    }

    [Theory]
    [InlineData("DKIM-Signature: v=1; a=rsa-sha256;\r\n\tb=abc\r\n", true, " v=1; a=rsa-sha256;\n\tb=abc")]
    [InlineData("DKIM-Signature: v=1; a=rsa-sha256;\r\n\tb=abc\r\n", false, "v=1; a=rsa-sha256;\n\tb=abc")]
    [InlineData("Authentication-Results:  two spaces\r\n", false, " two spaces")]
    [InlineData("Authentication-Results: x=ü\r\n", true, " x=ü")]
    [InlineData("X:\r\n", false, "")]
    public void ValueForMta_FoldsWithBareNewlinesAndDropsTheLineEnding(string raw, bool leadingSpace, string expected)
    {
        var value = MilterHeaderFields.ValueForMta(new DkimHeaderField(Encoding.UTF8.GetBytes(raw)), leadingSpace);

        Assert.Equal(expected, value);
    }

    [Fact]
    public void ValueForMta_OfARebuiltField_GivesBackWhatTheMtaSent()
    {
        const string sent = " v=1; d=example.com;\n\th=from:to;\n\tb=AAAA";

        var field = MilterHeaderFields.ToField(MilterHeader.Create("DKIM-Signature", sent), leadingSpaceIncluded: true);

        Assert.Equal(sent, MilterHeaderFields.ValueForMta(field, leadingSpaceIncluded: true));
    }
}
