using DnsClient;
using DnsClient.Protocol;
using Signet.Dkim.Lookup;

namespace Signet.Dns;

/// <summary>How long an answer may be reused.</summary>
internal static class DnsCacheLifetime
{
    public static TimeSpan For(TxtLookupResult result, IDnsQueryResponse response, DnsResolverOptions options) =>
        result.Status switch
        {
            // RFC 1035 §3.2.1: a record may be cached for its TTL; the shortest TTL of the set bounds the set.
            TxtLookupStatus.Found => Min(
                Seconds(response.Answers.TxtRecords().Min(record => record.InitialTimeToLive)), options.MaxCacheTtl),
            TxtLookupStatus.NotFound => Min(Min(NegativeTtl(response) ?? options.NegativeCacheTtl, options.NegativeCacheTtl), options.MaxCacheTtl),

            // Temporary failures are never kept: asking again is their remedy. Malformed answers are not kept either.
            _ => TimeSpan.Zero,
        };

    // RFC 2308 §5: a negative answer lives for the smaller of the SOA's TTL and its MINIMUM field.
    private static TimeSpan? NegativeTtl(IDnsQueryResponse response)
    {
        var soa = response.Authorities.SoaRecords().FirstOrDefault();
        return soa is null ? null : Seconds(Math.Min(soa.InitialTimeToLive, (long)soa.Minimum));
    }

    private static TimeSpan Seconds(long seconds) => TimeSpan.FromSeconds(Math.Max(0, seconds));

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;
}
