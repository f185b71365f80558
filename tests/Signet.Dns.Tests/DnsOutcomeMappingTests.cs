using System.Net.Sockets;
using DnsClient;
using Signet.Dkim.Lookup;
using Signet.Dns;

namespace Signet.Dns.Tests;

public class DnsOutcomeMappingTests
{
    [Theory]
    [InlineData(DnsResponseCode.NotExistentDomain, TxtLookupStatus.NotFound, "no TXT record at s1._domainkey.example.com (NXDOMAIN)")]
    [InlineData(DnsResponseCode.NoError, TxtLookupStatus.NotFound, "no TXT record at s1._domainkey.example.com (NODATA)")]
    [InlineData(DnsResponseCode.ServerFailure, TxtLookupStatus.TemporaryFailure, "SERVFAIL from 127.0.0.1:5353 for s1._domainkey.example.com")]
    [InlineData(DnsResponseCode.Refused, TxtLookupStatus.TemporaryFailure, "REFUSED from 127.0.0.1:5353 for s1._domainkey.example.com")]
    [InlineData(DnsResponseCode.ConnectionTimeout, TxtLookupStatus.TemporaryFailure, "no answer from 127.0.0.1:5353")]
    [InlineData(DnsResponseCode.NotImplemented, TxtLookupStatus.TemporaryFailure, "NOTIMP from 127.0.0.1:5353")]
    [InlineData(DnsResponseCode.FormatError, TxtLookupStatus.PermanentFailure, "FORMERR from 127.0.0.1:5353")]
    public void FromResponseCode_MapsEachRcodeToOneStatus(DnsResponseCode code, TxtLookupStatus status, string detail)
    {
        var result = DnsOutcomeMapping.FromResponseCode(code, "s1._domainkey.example.com", "127.0.0.1:5353");

        Assert.Equal(status, result.Status);
        Assert.Contains(detail, result.Detail);
        Assert.Empty(result.Records);
    }

    public static TheoryData<Exception, TxtLookupStatus, string> Exceptions => new()
    {
        { new DnsResponseException(DnsResponseCode.ConnectionTimeout), TxtLookupStatus.TemporaryFailure, "timed out after 5 s (2 tries) asking 127.0.0.1:5353" },
        { new DnsResponseException(DnsResponseCode.ServerFailure), TxtLookupStatus.TemporaryFailure, "SERVFAIL from 127.0.0.1:5353" },
        { new DnsResponseException(DnsResponseCode.NotExistentDomain), TxtLookupStatus.NotFound, "(NXDOMAIN)" },
        { new DnsResponseException("send failed", new SocketException((int)SocketError.ConnectionRefused)), TxtLookupStatus.TemporaryFailure, "network error asking 127.0.0.1:5353" },
        { new SocketException((int)SocketError.NetworkUnreachable), TxtLookupStatus.TemporaryFailure, "network error asking 127.0.0.1:5353" },
        { new TimeoutException(), TxtLookupStatus.TemporaryFailure, "timed out after 5 s" },
        { new ArgumentException("label too long"), TxtLookupStatus.PermanentFailure, "is not a name that can be looked up" },
        { new InvalidOperationException("surprise"), TxtLookupStatus.TemporaryFailure, "failed: surprise" },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void FromException_MapsInfrastructureFaults(Exception exception, TxtLookupStatus status, string detail)
    {
        var result = DnsOutcomeMapping.FromException(exception, "s1._domainkey.example.com", "127.0.0.1:5353", TimeSpan.FromSeconds(5), tries: 2);

        Assert.Equal(status, result.Status);
        Assert.Contains(detail, result.Detail);
    }
}
