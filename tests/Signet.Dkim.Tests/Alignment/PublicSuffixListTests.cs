using System.Text;
using Signet.Dkim.Alignment;

namespace Signet.Dkim.Tests.Alignment;

public class PublicSuffixListTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("mail.example.com", "example.com")]
    [InlineData("WWW.Example.COM.", "example.com")]
    [InlineData("example.co.uk", "example.co.uk")]
    [InlineData("a.b.example.co.uk", "example.co.uk")]
    [InlineData("co.uk", "co.uk")]
    [InlineData("uk", "uk")]
    [InlineData("example.ck", "example.ck")]
    [InlineData("a.example.ck", "a.example.ck")]
    [InlineData("b.a.example.ck", "a.example.ck")]
    [InlineData("www.ck", "www.ck")]
    [InlineData("a.www.ck", "www.ck")]
    [InlineData("city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("a.b.kawasaki.jp", "a.b.kawasaki.jp")]
    [InlineData("foo.blogspot.com", "foo.blogspot.com")]
    [InlineData("a.foo.blogspot.com", "foo.blogspot.com")]
    [InlineData("blogspot.com", "blogspot.com")]
    [InlineData("www.example.unknowntld", "example.unknowntld")]
    [InlineData("www.食狮.公司.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("www.xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")]
    public void GetOrganizationalDomain_EmbeddedList_FollowsThePublishedAlgorithm(string domain, string expected)
    {
        Assert.Equal(expected, PublicSuffixList.Embedded.GetOrganizationalDomain(domain));
    }

    [Fact]
    public void Embedded_ReadsBothSections()
    {
        Assert.True(PublicSuffixList.Embedded.RuleCount > 9000);
    }

    [Fact]
    public void Load_NewerFile_UsesItsRules()
    {
        var list = Load("// a test list\n// ===BEGIN PRIVATE DOMAINS===\nexample\n*.wild.example\n!keep.wild.example\n");

        Assert.Equal("b.example", list.GetOrganizationalDomain("x.a.b.example"));
        Assert.Equal("keep.wild.example", list.GetOrganizationalDomain("www.keep.wild.example"));
        Assert.Equal("y.other.wild.example", list.GetOrganizationalDomain("x.y.other.wild.example"));
        Assert.Equal("b.example", list.GetOrganizationalDomain("a.b.example"));
    }

    [Fact]
    public void Load_RuleThatIsNotADomain_ThrowsWithTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("example\nbad!rule\n"));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void TryGetOrganizationalDomain_NotADomain_IsFalseWithReason()
    {
        Assert.False(PublicSuffixList.Embedded.TryGetOrganizationalDomain("a..example", out _, out string error));
        Assert.Contains("empty label", error);
    }

    private static PublicSuffixList Load(string text) => PublicSuffixList.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));
}
