using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Testing;

namespace Signet.Dkim.Tests.Alignment;

public class DmarcTreeWalkTests
{
    private const string Record = "v=DMARC1; p=reject";

    [Theory]
    [InlineData("com", "com")]
    [InlineData("example.com", "example.com,com")]
    [InlineData("a.mail.example.com", "a.mail.example.com,mail.example.com,example.com,com")]
    [InlineData("a.b.c.d.e.example.com", "a.b.c.d.e.example.com,b.c.d.e.example.com,c.d.e.example.com,d.e.example.com,e.example.com,example.com,com")]
    [InlineData("a.b.c.d.e.f.example.com", "a.b.c.d.e.f.example.com,b.c.d.e.f.example.com,c.d.e.f.example.com,d.e.f.example.com,e.f.example.com,f.example.com,example.com,com")]
    [InlineData("z.a.b.c.d.e.f.example.com", "z.a.b.c.d.e.f.example.com,b.c.d.e.f.example.com,c.d.e.f.example.com,d.e.f.example.com,e.f.example.com,f.example.com,example.com,com")]
    [InlineData("a.b.c.d.e.f.g.h.i.j.mail.example.com", "a.b.c.d.e.f.g.h.i.j.mail.example.com,g.h.i.j.mail.example.com,h.i.j.mail.example.com,i.j.mail.example.com,j.mail.example.com,mail.example.com,example.com,com")]
    public async Task FindOrganizationalDomain_NoRecords_QueriesAtMostEightNamesAndSkipsLabelsOfLongNames(string domain, string targets)
    {
        var source = new InMemoryTxtSource();

        var result = await new DmarcTreeWalk(source).FindOrganizationalDomainAsync(domain, CancellationToken.None);

        var expected = targets.Split(',').Select(t => "_dmarc." + t).ToArray();
        Assert.Equal(expected, source.Queries);
        Assert.True(source.Queries.Count <= DmarcTreeWalk.MaximumQueries);
        Assert.Equal(targets.Split(','), DmarcTreeWalk.WalkTargets(domain));
        Assert.True(result.IsFound);
        Assert.Equal(domain, result.OrganizationalDomain);
        Assert.Contains("no DMARC record was found", result.Message);
    }

    public static TheoryData<string, string[], string> Walks => new()
    {
        // RFC 9989 §4.10.2, rule 3: the record with the fewest labels.
        { "a.mail.example.com", ["mail.example.com=" + Record, "example.com=" + Record], "example.com" },
        { "example.com", ["example.com=" + Record], "example.com" },
        { "signing.example.com", ["signing.example.com=" + Record, "example.com=" + Record], "example.com" },
        // Rule 1: psd=n marks the Organizational Domain.
        { "a.mail.example.com", ["mail.example.com=v=DMARC1; p=none; psd=n", "example.com=" + Record], "mail.example.com" },
        { "mail.example.com", ["mail.example.com=v=DMARC1; psd=n"], "mail.example.com" },
        // Rule 2: psd=y puts the Organizational Domain one label below.
        { "a.mail.example.com", ["com=v=DMARC1; p=none; psd=y"], "example.com" },
        { "giant.bank.example", ["giant.bank.example=" + Record, "bank.example=v=DMARC1; psd=y"], "giant.bank.example" },
        { "mail.giant.bank.example", ["giant.bank.example=" + Record, "bank.example=v=DMARC1; psd=y"], "giant.bank.example" },
        { "mail.mega.bank.example", ["giant.bank.example=" + Record, "bank.example=v=DMARC1; psd=y"], "mega.bank.example" },
        // psd=y at the starting domain does not count for rule 2; rule 3 then selects the domain itself.
        { "bank.example", ["bank.example=v=DMARC1; psd=y", "example=" + Record], "bank.example" },
        // psd=u is the default and changes nothing.
        { "a.mail.example.com", ["mail.example.com=v=DMARC1; psd=u", "example.com=" + Record], "example.com" },
        // Records that are not DMARC records are discarded; so are several DMARC records at one name.
        { "a.mail.example.com", ["mail.example.com=v=spf1 -all", "example.com=" + Record], "example.com" },
        { "a.mail.example.com", ["mail.example.com=" + Record, "example.com=v=DMARC1; p=none|v=DMARC1; p=reject"], "mail.example.com" },
        { "a.mail.example.com", ["mail.example.com=" + Record, "example.com=v=DMARC10; p=none"], "mail.example.com" },
        { "a.mail.example.com", ["mail.example.com=" + Record, "example.com=p=none; v=DMARC1"], "mail.example.com" },
        { "a.mail.example.com", ["mail.example.com=" + Record, "example.com=v=dmarc1; p=none"], "mail.example.com" },
        // RFC 9989 §5.1.8: a psd=n record at a skipped name of a long domain is never seen.
        { "mail.a.b.c.d.e.f.g.example.com", ["b.c.d.e.f.g.example.com=v=DMARC1; psd=n", "example.com=" + Record], "example.com" },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task FindOrganizationalDomain_Records_SelectsAsRfc9989Says(string domain, string[] records, string expected)
    {
        var source = new InMemoryTxtSource();
        foreach (string entry in records)
        {
            int equals = entry.IndexOf('=', StringComparison.Ordinal);
            source.Add("_dmarc." + entry[..equals], entry[(equals + 1)..].Split('|'));
        }

        var result = await new DmarcTreeWalk(source).FindOrganizationalDomainAsync(domain, CancellationToken.None);

        Assert.Equal(OrganizationalDomainStatus.Found, result.Status);
        Assert.Equal(expected, result.OrganizationalDomain);
        Assert.Equal(OrganizationalDomainMethod.DnsTreeWalk, result.Method);
    }

    [Theory]
    [InlineData("v=DMARC1; psd=n")]
    [InlineData("v = DMARC1 ;PSD = N;")]
    [InlineData("v=DMARC1;p=none;psd=n;psd=y")]
    public async Task FindOrganizationalDomain_PsdNo_StopsTheWalk(string record)
    {
        var source = new InMemoryTxtSource().Add("_dmarc.mail.example.com", record);

        var result = await new DmarcTreeWalk(source).FindOrganizationalDomainAsync("a.mail.example.com", CancellationToken.None);

        Assert.Equal("mail.example.com", result.OrganizationalDomain);
        Assert.Equal(["_dmarc.a.mail.example.com", "_dmarc.mail.example.com"], source.Queries);
        Assert.Contains("psd=n", result.Message);
    }

    [Fact]
    public async Task FindOrganizationalDomain_PsdYes_StopsTheWalk()
    {
        var source = new InMemoryTxtSource().Add("_dmarc.bank.example", "v=DMARC1; p=reject; psd=y");

        var result = await new DmarcTreeWalk(source).FindOrganizationalDomainAsync("a.b.mega.bank.example", CancellationToken.None);

        Assert.Equal("mega.bank.example", result.OrganizationalDomain);
        Assert.Equal(["_dmarc.a.b.mega.bank.example", "_dmarc.b.mega.bank.example", "_dmarc.mega.bank.example", "_dmarc.bank.example"], source.Queries);
    }

    [Fact]
    public async Task FindOrganizationalDomain_RecordSplitIntoSeveralStrings_JoinsThem()
    {
        var split = new TxtRecord([[.. "v=DMARC1; p=none; "u8], [.. "psd=n"u8]]);
        var source = new InMemoryTxtSource().Add("_dmarc.mail.example.com", TxtLookupResult.Found([split]));

        var result = await new DmarcTreeWalk(source).FindOrganizationalDomainAsync("a.mail.example.com", CancellationToken.None);

        Assert.Equal("mail.example.com", result.OrganizationalDomain);
    }

    [Fact]
    public async Task FindOrganizationalDomain_InternationalizedDomain_QueriesALabels()
    {
        var source = new InMemoryTxtSource().Add("_dmarc.xn--bcher-kva.example", Record);

        var result = await new DmarcTreeWalk(source).FindOrganizationalDomainAsync("Mail.BÜCHER.example.", CancellationToken.None);

        Assert.Equal("_dmarc.mail.xn--bcher-kva.example", source.Queries[0]);
        Assert.Equal("mail.xn--bcher-kva.example", result.Domain);
        Assert.Equal("xn--bcher-kva.example", result.OrganizationalDomain);
    }

    [Theory]
    [InlineData("_dmarc.a.mail.example.com")]
    [InlineData("_dmarc.example.com")]
    [InlineData("_dmarc.com")]
    public async Task FindOrganizationalDomain_TemporaryFailureAnywhere_IsTemporaryFailureNamingTheQuery(string failing)
    {
        var source = new InMemoryTxtSource()
            .Add("_dmarc.mail.example.com", Record)
            .Add(failing, TxtLookupResult.TemporaryFailure("SERVFAIL from 127.0.0.1:53"));

        var result = await new DmarcTreeWalk(source).FindOrganizationalDomainAsync("a.mail.example.com", CancellationToken.None);

        Assert.Equal(OrganizationalDomainStatus.TemporaryFailure, result.Status);
        Assert.True(result.IsTemporaryFailure);
        Assert.Equal(string.Empty, result.OrganizationalDomain);
        Assert.Equal(OrganizationalDomainMethod.DnsTreeWalk, result.Method);
        Assert.Contains(failing, result.Message);
        Assert.Contains("SERVFAIL", result.Message);
        Assert.Equal(failing, source.Queries[^1]);
    }

    [Fact]
    public async Task FindOrganizationalDomain_PermanentFailure_IsPermanentFailure()
    {
        var source = new InMemoryTxtSource().Add("_dmarc.example.com", TxtLookupResult.PermanentFailure("malformed answer"));

        var result = await new DmarcTreeWalk(source).FindOrganizationalDomainAsync("mail.example.com", CancellationToken.None);

        Assert.Equal(OrganizationalDomainStatus.PermanentFailure, result.Status);
        Assert.False(result.IsTemporaryFailure);
        Assert.Contains("malformed answer", result.Message);
    }

    [Fact]
    public async Task FindOrganizationalDomain_NotADomain_IsInvalidWithoutQueries()
    {
        var source = new InMemoryTxtSource();

        var result = await new DmarcTreeWalk(source).FindOrganizationalDomainAsync("a..example", CancellationToken.None);

        Assert.Equal(OrganizationalDomainStatus.InvalidDomain, result.Status);
        Assert.Empty(source.Queries);
    }
}
