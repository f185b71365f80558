using Signet.Dns;

namespace Signet.Dns.Tests;

public class DnsResolverOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:53")]
    [InlineData("127.0.0.1:5353", "127.0.0.1:5353")]
    [InlineData("[::1]:5353", "[::1]:5353")]
    [InlineData("::1", "[::1]:53")]
    [InlineData("[::1]", "[::1]:53")]
    [InlineData("localhost:5353", "127.0.0.1:5353")]
    [InlineData("LOCALHOST", "127.0.0.1:53")]
    [InlineData(" 127.0.0.2:53 ", "127.0.0.2:53")]
    public void TryParseEndpoint_AddressWithOrWithoutPort_Parses(string text, string expected)
    {
        Assert.True(DnsResolverOptions.TryParseEndpoint(text, out var endpoint, out string error), error);
        Assert.Equal(expected, endpoint.ToString());
    }

    [Theory]
    [InlineData("", "not address[:port]")]
    [InlineData("ns1.example.com", "not an IP address")]
    [InlineData("127.1", "not an IP address")]
    [InlineData("127.0.0.1:0", "invalid port")]
    [InlineData("127.0.0.1:65536", "invalid port")]
    [InlineData("127.0.0.1:dns", "invalid port")]
    [InlineData("[::1", "not address[:port]")]
    [InlineData("[::1]5353", "not address[:port]")]
    public void TryParseEndpoint_NotAnAddress_SaysWhy(string text, string expected)
    {
        Assert.False(DnsResolverOptions.TryParseEndpoint(text, out _, out string error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Defaults_AreSystemResolversFiveSecondsOneRetryWithCache()
    {
        var options = new DnsResolverOptions();

        Assert.Empty(options.Servers);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(1, options.Retries);
        Assert.True(options.UseCache);
        Assert.True(options.TryValidate(out _));
    }

    public static TheoryData<DnsResolverOptions, string> InvalidOptions => new()
    {
        { new DnsResolverOptions { Servers = ["127.0.0.1", "resolver.example"] }, "Servers: \"resolver.example\"" },
        { new DnsResolverOptions { Timeout = TimeSpan.Zero }, "Timeout must be greater than zero" },
        { new DnsResolverOptions { Retries = -1 }, "Retries must not be negative" },
        { new DnsResolverOptions { MaxCacheTtl = TimeSpan.FromSeconds(-1) }, "MaxCacheTtl must not be negative" },
        { new DnsResolverOptions { NegativeCacheTtl = TimeSpan.FromSeconds(-1) }, "NegativeCacheTtl must not be negative" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void TryValidate_InvalidOptions_NamesTheSetting(DnsResolverOptions options, string expected)
    {
        Assert.False(options.TryValidate(out string error));
        Assert.Contains(expected, error);
        Assert.Throws<ArgumentException>(() => new DnsTxtRecordSource(options));
    }
}
