using Signet.Dkim.Lookup;
using Signet.Dns;
using Signet.Testing;

namespace Signet.Dns.Tests;

[Trait("Tier", "Integration")]
public class DnsTxtRecordSourceCacheTests
{
    private const string Name = "s1._domainkey.example.com";

    private readonly ManualTimeProvider _clock = new();

    private static string KeyRecord(string version, int ttl) => $"s1._domainkey {ttl} IN TXT \"{version}\"";

    private DnsTxtRecordSource Source(AuthoritativeDnsServer dns, DnsResolverOptions? options = null) =>
        new((options ?? new DnsResolverOptions()) with { Servers = [dns.Endpoint.ToString()] }, _clock);

    private static async Task<string> LookupAsync(DnsTxtRecordSource source)
    {
        var result = await source.LookupTxtAsync(Name, CancellationToken.None);
        return result.Status == TxtLookupStatus.Found ? TxtRecordFormat.Show(result.Records) : result.Status.ToString();
    }

    [Fact]
    public async Task LookupTxt_AgainWithinTheTtl_IsServedFromCacheUntilTheTtlExpires()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync("example.com", [KeyRecord("old", ttl: 300)], CancellationToken.None);
        var source = Source(dns);
        Assert.Equal("[old]", await LookupAsync(source));

        await dns.ReplaceZoneAsync("example.com", [KeyRecord("new", ttl: 300)], CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal("[old]", await LookupAsync(source));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("[new]", await LookupAsync(source));
    }

    [Fact]
    public async Task LookupTxt_TtlLongerThanMaxCacheTtl_ExpiresAtTheCap()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync("example.com", [KeyRecord("old", ttl: 86400)], CancellationToken.None);
        var source = Source(dns, new DnsResolverOptions { MaxCacheTtl = TimeSpan.FromMinutes(1) });
        Assert.Equal("[old]", await LookupAsync(source));

        await dns.ReplaceZoneAsync("example.com", [KeyRecord("new", ttl: 86400)], CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("[old]", await LookupAsync(source));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("[new]", await LookupAsync(source));
    }

    [Fact]
    public async Task LookupTxt_Nxdomain_IsCachedForTheNegativeTtlOnly()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync("example.com", ["mail IN A 127.0.0.2"], CancellationToken.None);
        var source = Source(dns, new DnsResolverOptions { NegativeCacheTtl = TimeSpan.FromSeconds(30) });
        Assert.Equal("NotFound", await LookupAsync(source));

        await dns.ReplaceZoneAsync("example.com", [KeyRecord("published", ttl: 300)], CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("NotFound", await LookupAsync(source));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("[published]", await LookupAsync(source));
    }

    [Fact]
    public async Task LookupTxt_TemporaryFailure_IsNeverCached()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync("example.com", [KeyRecord("key", ttl: 300)], CancellationToken.None);
        var source = Source(dns);
        await dns.BreakZoneAsync("example.com", CancellationToken.None);
        Assert.Equal("TemporaryFailure", await LookupAsync(source));

        await dns.ReplaceZoneAsync("example.com", [KeyRecord("key", ttl: 300)], CancellationToken.None);

        Assert.Equal("[key]", await LookupAsync(source));
    }

    [Fact]
    public async Task LookupTxt_CacheTurnedOff_SeesEveryChange()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync("example.com", [KeyRecord("old", ttl: 300)], CancellationToken.None);
        var source = Source(dns, new DnsResolverOptions { UseCache = false });
        Assert.Equal("[old]", await LookupAsync(source));

        await dns.ReplaceZoneAsync("example.com", [KeyRecord("new", ttl: 300)], CancellationToken.None);

        Assert.Equal("[new]", await LookupAsync(source));
    }
}
