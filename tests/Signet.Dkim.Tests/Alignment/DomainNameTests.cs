using Signet.Dkim.Alignment;

namespace Signet.Dkim.Tests.Alignment;

public class DomainNameTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("Example.COM.", "example.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("BÜCHER.example", "xn--bcher-kva.example")]
    [InlineData("XN--BCHER-KVA.example", "xn--bcher-kva.example")]
    [InlineData("食狮.公司.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("_dmarc.example.com", "_dmarc.example.com")]
    public void TryNormalize_AnyCaseOrScript_GivesLowerCaseALabels(string domain, string expected)
    {
        Assert.True(DomainName.TryNormalize(domain, out string normalized, out string error), error);
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void TryNormalize_UnderInvariantGlobalization_StillEncodesPunycode()
    {
        // The build sets InvariantGlobalization; IdnMapping keeps working in that mode on .NET 10.
        Assert.Equal("true", AppContext.GetData("System.Globalization.Invariant")?.ToString(), ignoreCase: true);
        Assert.True(DomainName.TryNormalize("münchen.de", out string normalized, out _));
        Assert.Equal("xn--mnchen-3ya.de", normalized);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a..example", "label")]
    [InlineData("exa mple.com", "contains ' '")]
    [InlineData("ex!ample.com", "contains '!'")]
    public void TryNormalize_NotADomain_SaysWhy(string domain, string expected)
    {
        Assert.False(DomainName.TryNormalize(domain, out _, out string error));
        Assert.Contains(expected, error);
    }
}
