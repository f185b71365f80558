using Signet.Dkim.Diagnostics;
using Signet.Store.Tests.Support;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Contract;

/// <summary>A DNS check made now carries the full diagnosis, so the API and console can show every finding.</summary>
[Collection(StoreTestGroup.Name)]
public sealed class DnsCheckFindingsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task CheckKeyDns_MissingRecord_CarriesTheErrorFinding()
    {
        await using var h = await StoreHarness.OpenAsync(Backend.Sqlite, postgres);
        var key = await h.AddDomainWithKeyAsync("example.com");
        var check = Ok(await h.Store.CheckKeyDnsAsync(Admin, key.Id, Token)).LastDnsCheck!;
        Assert.False(check.Published);
        Assert.Contains(check.Findings, f => f.Severity == DkimFindingSeverity.Error);
    }

    [Fact]
    public async Task CheckKeyDns_PublishedRecord_MatchesWithNoErrorFinding()
    {
        await using var h = await StoreHarness.OpenAsync(Backend.Sqlite, postgres);
        var key = await h.AddDomainWithKeyAsync("example.com");
        h.Publish(key);
        var check = Ok(await h.Store.CheckKeyDnsAsync(Admin, key.Id, Token)).LastDnsCheck!;
        Assert.True(check.Matches);
        Assert.DoesNotContain(check.Findings, f => f.Severity == DkimFindingSeverity.Error);
    }
}
