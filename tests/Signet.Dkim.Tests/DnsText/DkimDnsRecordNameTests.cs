using Signet.Dkim.DnsText;

namespace Signet.Dkim.Tests.DnsText;

public class DkimDnsRecordNameTests
{
    [Theory]
    [InlineData("s1", "example.com", "s1._domainkey.example.com")]
    [InlineData("s1", "Example.COM.", "s1._domainkey.example.com")]
    [InlineData("2024-01.mail", "mail.example.co.uk", "2024-01.mail._domainkey.mail.example.co.uk")]
    [InlineData("brisbane", "xn--bcher-kva.example", "brisbane._domainkey.xn--bcher-kva.example")]
    public void For_ValidSelectorAndDomain_GivesTheRecordName(string selector, string domain, string expected)
    {
        Assert.True(DkimDnsRecordName.TryValidate(selector, domain, out _));
        Assert.Equal(expected, DkimDnsRecordName.For(selector, domain));
    }

    [Theory]
    [InlineData("", "example.com", "the selector is empty")]
    [InlineData("s1", "", "the domain is empty")]
    [InlineData("s1", ".", "the domain is empty")]
    [InlineData("s_1", "example.com", "has '_'")]
    [InlineData("s 1", "example.com", "has ' '")]
    [InlineData("-s1", "example.com", "begins or ends with a hyphen")]
    [InlineData("s1-", "example.com", "begins or ends with a hyphen")]
    [InlineData("s1", "example..com", "has an empty label")]
    [InlineData(".s1", "example.com", "has an empty label")]
    [InlineData("s1", "exämple.com", "A-label (xn--) form")]
    [InlineData("s1", "example.com:25", "has ':'")]
    public void TryValidate_Invalid_SaysWhy(string selector, string domain, string expected)
    {
        Assert.False(DkimDnsRecordName.TryValidate(selector, domain, out string error));
        Assert.Contains(expected, error);
        Assert.Throws<ArgumentException>(() => DkimDnsRecordName.For(selector, domain));
    }

    [Fact]
    public void TryValidate_LabelOf64Characters_IsTooLong()
    {
        Assert.True(DkimDnsRecordName.TryValidate(new string('a', 63), "example.com", out _));
        Assert.False(DkimDnsRecordName.TryValidate(new string('a', 64), "example.com", out string error));
        Assert.Contains("label of 64 characters", error);
    }

    [Fact]
    public void TryValidate_NameOver253Characters_IsTooLong()
    {
        // The domain is 215 characters: with "s1._domainkey." the name is 229; with a 40-character selector, 267.
        string domain = string.Join('.', Enumerable.Repeat(new string('d', 50), 4)) + ".example.com";
        Assert.True(DkimDnsRecordName.TryValidate("s1", domain, out _));
        Assert.False(DkimDnsRecordName.TryValidate(new string('s', 40), domain, out string error));
        Assert.Contains("at most 253", error);
    }
}
