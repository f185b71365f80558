using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Testing;

namespace Signet.Dkim.Tests.Alignment;

public class DkimAlignmentTests
{
    [Theory]
    [InlineData("example.com", "example.com", AlignmentMode.Strict, true, "d=example.com is aligned with From domain example.com (strict: identical domains)")]
    [InlineData("Example.COM.", "example.com", AlignmentMode.Strict, true, "d=example.com is aligned with From domain example.com (strict: identical domains)")]
    [InlineData("xn--bcher-kva.example", "BÜCHER.example", AlignmentMode.Strict, true, "d=xn--bcher-kva.example is aligned with From domain xn--bcher-kva.example (strict: identical domains)")]
    [InlineData("example.com", "mail.example.com", AlignmentMode.Strict, false, "d=example.com is not aligned with From domain mail.example.com (strict: the domains differ, and strict alignment needs them identical)")]
    [InlineData("mail.example.com", "example.com", AlignmentMode.Strict, false, "d=mail.example.com is not aligned with From domain example.com (strict: the domains differ, and strict alignment needs them identical)")]
    [InlineData("example.com", "example.com", AlignmentMode.Relaxed, true, "d=example.com is aligned with From domain example.com (relaxed: identical domains)")]
    public void Check_NoOrganizationalDomainNeeded_DecidesWithoutAsking(string signing, string from, AlignmentMode mode, bool aligned, string message)
    {
        var result = DkimAlignment.Check(signing, from, mode, _ => throw new InvalidOperationException("not needed"), OrganizationalDomainMethod.PublicSuffixList);

        Assert.Equal(aligned, result.IsAligned);
        Assert.Equal(mode, result.Mode);
        Assert.Equal(OrganizationalDomainMethod.None, result.Method);
        Assert.Equal(message, result.Message);
    }

    [Theory]
    [InlineData("example.com", "mail.example.com", true, "d=example.com is aligned with From domain mail.example.com (relaxed: same organizational domain example.com, found by public suffix list)")]
    [InlineData("mail.example.com", "example.com", true, "d=mail.example.com is aligned with From domain example.com (relaxed: same organizational domain example.com, found by public suffix list)")]
    [InlineData("a.example.co.uk", "b.example.co.uk", true, "d=a.example.co.uk is aligned with From domain b.example.co.uk (relaxed: same organizational domain example.co.uk, found by public suffix list)")]
    [InlineData("example.net", "example.com", false, "d=example.net is not aligned with From domain example.com (relaxed: organizational domain example.net differs from example.com, found by public suffix list)")]
    [InlineData("one.co.uk", "two.co.uk", false, "d=one.co.uk is not aligned with From domain two.co.uk (relaxed: organizational domain one.co.uk differs from two.co.uk, found by public suffix list)")]
    [InlineData("co.uk", "example.co.uk", false, "d=co.uk is not aligned with From domain example.co.uk (relaxed: organizational domain co.uk differs from example.co.uk, found by public suffix list)")]
    [InlineData("foo.blogspot.com", "bar.blogspot.com", false, "d=foo.blogspot.com is not aligned with From domain bar.blogspot.com (relaxed: organizational domain foo.blogspot.com differs from bar.blogspot.com, found by public suffix list)")]
    public void Check_RelaxedWithPublicSuffixList_ComparesOrganizationalDomains(string signing, string from, bool aligned, string message)
    {
        var result = DkimAlignment.Check(signing, from, AlignmentMode.Relaxed, PublicSuffixList.Embedded.GetOrganizationalDomain, OrganizationalDomainMethod.PublicSuffixList);

        Assert.Equal(aligned, result.IsAligned);
        Assert.Equal(OrganizationalDomainMethod.PublicSuffixList, result.Method);
        Assert.Equal(message, result.Message);
    }

    [Fact]
    public async Task CheckAsync_RelaxedWithPublicSuffixListResolver_NamesTheMethod()
    {
        var resolver = new PublicSuffixListResolver(PublicSuffixList.Embedded);

        var result = await DkimAlignment.CheckAsync("example.com", "mail.example.com", AlignmentMode.Relaxed, resolver, CancellationToken.None);

        Assert.True(result.IsAligned);
        Assert.Equal("example.com", result.SigningOrganizationalDomain);
        Assert.Equal("example.com", result.FromOrganizationalDomain);
        Assert.Equal(OrganizationalDomainMethod.PublicSuffixList, result.Method);
    }

    [Theory]
    [InlineData("example.com", "mail.example.com", true, "d=example.com is aligned with From domain mail.example.com (relaxed: same organizational domain example.com, found by DNS tree walk)")]
    [InlineData("mail.example.com", "example.com", true, "d=mail.example.com is aligned with From domain example.com (relaxed: same organizational domain example.com, found by DNS tree walk)")]
    [InlineData("example.com", "a.team.example.com", false, "d=example.com is not aligned with From domain a.team.example.com (relaxed: organizational domain example.com differs from team.example.com, found by DNS tree walk)")]
    [InlineData("mail.mega.bank.example", "giant.bank.example", false, "d=mail.mega.bank.example is not aligned with From domain giant.bank.example (relaxed: organizational domain mega.bank.example differs from giant.bank.example, found by DNS tree walk)")]
    [InlineData("mail.giant.bank.example", "giant.bank.example", true, "d=mail.giant.bank.example is aligned with From domain giant.bank.example (relaxed: same organizational domain giant.bank.example, found by DNS tree walk)")]
    public async Task CheckAsync_RelaxedWithTreeWalk_ComparesOrganizationalDomains(string signing, string from, bool aligned, string message)
    {
        var source = new InMemoryTxtSource()
            .Add("_dmarc.example.com", "v=DMARC1; p=reject")
            .Add("_dmarc.team.example.com", "v=DMARC1; p=none; psd=n")
            .Add("_dmarc.giant.bank.example", "v=DMARC1; p=reject")
            .Add("_dmarc.bank.example", "v=DMARC1; p=none; psd=y");
        var resolver = new DmarcTreeWalkResolver(new DmarcTreeWalk(source));

        var result = await DkimAlignment.CheckAsync(signing, from, AlignmentMode.Relaxed, resolver, CancellationToken.None);

        Assert.Equal(aligned, result.IsAligned);
        Assert.Equal(OrganizationalDomainMethod.DnsTreeWalk, result.Method);
        Assert.Equal(message, result.Message);
    }

    [Fact]
    public async Task CheckAsync_StrictMode_MakesNoQueries()
    {
        var source = new InMemoryTxtSource();
        var resolver = new DmarcTreeWalkResolver(new DmarcTreeWalk(source));

        var result = await DkimAlignment.CheckAsync("example.com", "mail.example.com", AlignmentMode.Strict, resolver, CancellationToken.None);

        Assert.Equal(AlignmentStatus.NotAligned, result.Status);
        Assert.Empty(source.Queries);
    }

    [Fact]
    public async Task CheckAsync_TreeWalkFailsTemporarily_IsTemporaryFailureNotNotAligned()
    {
        var source = new InMemoryTxtSource().Add("_dmarc.example.com", TxtLookupResult.TemporaryFailure("timed out after 5 s"));
        var resolver = new DmarcTreeWalkResolver(new DmarcTreeWalk(source));

        var result = await DkimAlignment.CheckAsync("example.com", "mail.example.com", AlignmentMode.Relaxed, resolver, CancellationToken.None);

        Assert.Equal(AlignmentStatus.TemporaryFailure, result.Status);
        Assert.False(result.IsAligned);
        Assert.Equal(OrganizationalDomainMethod.DnsTreeWalk, result.Method);
        Assert.Contains("timed out after 5 s", result.Message);
    }

    [Theory]
    [InlineData("exa mple.com", "example.com", "signing domain")]
    [InlineData("example.com", "", "From domain")]
    public void Check_NotADomain_IsInvalidDomain(string signing, string from, string expected)
    {
        var result = DkimAlignment.Check(signing, from, AlignmentMode.Relaxed, PublicSuffixList.Embedded.GetOrganizationalDomain, OrganizationalDomainMethod.PublicSuffixList);

        Assert.Equal(AlignmentStatus.InvalidDomain, result.Status);
        Assert.Contains(expected, result.Message);
    }
}
