using System.Net;
using System.Net.Sockets;
using System.Text;
using Signet.Dns.Authoritative;
using Signet.Testing;

namespace Signet.Dns.Tests.Authoritative;

/// <summary>An explicit check asks each authoritative server directly: two real nsd servers of one zone on loopback,
/// one of them still serving an older record.</summary>
[Trait("Tier", "Integration")]
public sealed class AuthoritativeTxtLookupTests
{
    private const string Zone = "example.test";
    private const string Name = "s1._domainkey.example.test";
    private const string NewRecord = "s1._domainkey IN TXT \"v=DKIM1; k=ed25519; p=new\"";
    private const string OldRecord = "s1._domainkey IN TXT \"v=DKIM1; k=ed25519; p=old\"";

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task Lookup_ServersDisagree_SaysWhatEachServes()
    {
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [NewRecord], [OldRecord], Token);

        var answers = await Lookup(servers).LookupAsync(Name, Token);

        Assert.Equal("", answers.Failure);
        Assert.Equal(Zone, answers.Zone);
        Assert.Equal(["ns1.example.test", "ns2.example.test"], answers.Answers.Select(a => a.ServerName).Order());
        Assert.All(answers.Answers, a => Assert.Equal(AuthoritativeServerOutcome.Answered, a.Outcome));
        Assert.Equal("v=DKIM1; k=ed25519; p=new", Text(answers.Answers.Single(a => a.Endpoint.Address.Equals(AuthoritativeServerPair.FirstAddress))));
        Assert.Equal("v=DKIM1; k=ed25519; p=old", Text(answers.Answers.Single(a => a.Endpoint.Address.Equals(AuthoritativeServerPair.SecondAddress))));
        Assert.Contains("ns1.example.test (127.0.0.2:", answers.ServersAsked);
        Assert.Contains("ns2.example.test (127.0.0.3:", answers.ServersAsked);
    }

    [Fact]
    public async Task Lookup_RecordFixedAfterAFirstLookup_IsSeenAtOnceDespiteItsTtl()
    {
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [NewRecord], [OldRecord], Token);
        var lookup = Lookup(servers);
        await lookup.LookupAsync(Name, Token);

        await servers.ReplaceAsync(servers.Second, [NewRecord], Token);
        var answers = await lookup.LookupAsync(Name, Token);

        Assert.All(answers.Answers, a => Assert.Equal("v=DKIM1; k=ed25519; p=new", Text(a)));
    }

    [Fact]
    public async Task Lookup_OneServerCannotLoadTheZone_ReportsItsServfail()
    {
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [NewRecord], [NewRecord], Token);
        await servers.Second.BreakZoneAsync(Zone, Token);

        var answers = await Lookup(servers).LookupAsync(Name, Token);

        var broken = answers.Answers.Single(a => a.Endpoint.Address.Equals(AuthoritativeServerPair.SecondAddress));
        Assert.Equal(AuthoritativeServerOutcome.ServerFailure, broken.Outcome);
        Assert.Contains("SERVFAIL", broken.Reason);
        Assert.Equal(AuthoritativeServerOutcome.Answered, answers.Answers.Single(a => a != broken).Outcome);
    }

    [Fact]
    public async Task Lookup_ServerThatDoesNotServeTheZone_ReportsRefused()
    {
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [NewRecord], [NewRecord], Token);
        await using var stale = new AuthoritativeDnsServer { ListenAddress = IPAddress.Parse("127.0.0.4"), Port = servers.Port }
            .AddZone("other.test", ["x IN TXT \"y\""]);
        await stale.StartAsync(Token);
        await servers.ReplaceAsync(servers.First, [NewRecord, "@ IN NS ns3.example.test.", "ns3 IN A 127.0.0.4"], Token);

        var answers = await Lookup(servers).LookupAsync(Name, Token);

        var refused = Assert.Single(answers.Answers, a => a.ServerName == "ns3.example.test");
        Assert.Equal(AuthoritativeServerOutcome.Refused, refused.Outcome);
        Assert.Contains("REFUSED", refused.Reason);
    }

    [Fact]
    public async Task Lookup_SilentServer_ReportsTimeoutAndStillAnswersForTheOthers()
    {
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [NewRecord], [NewRecord], Token);
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.5"), servers.Port));
        await servers.ReplaceAsync(servers.First, [NewRecord, "@ IN NS ns3.example.test.", "ns3 IN A 127.0.0.5"], Token);

        var answers = await Lookup(servers).LookupAsync(Name, Token);

        var quiet = Assert.Single(answers.Answers, a => a.ServerName == "ns3.example.test");
        Assert.Equal(AuthoritativeServerOutcome.Timeout, quiet.Outcome);
        Assert.Contains("timed out", quiet.Reason);
        Assert.Equal(2, answers.Answers.Count(a => a.Outcome == AuthoritativeServerOutcome.Answered));
    }

    [Fact]
    public async Task Lookup_NameWithoutRecord_IsNotFoundOnEveryServer()
    {
        await using var servers = await AuthoritativeServerPair.StartAsync(Zone, [NewRecord], [NewRecord], Token);

        var answers = await Lookup(servers).LookupAsync("s9._domainkey.example.test", Token);

        Assert.Equal(Zone, answers.Zone);
        Assert.All(answers.Answers, a => Assert.Equal(AuthoritativeServerOutcome.NotFound, a.Outcome));
    }

    [Fact]
    public async Task Lookup_ResolverSilent_FailsSayingTheZoneCouldNotBeFound()
    {
        using var silent = new SilentUdpEndpoint();
        var lookup = new AuthoritativeTxtLookup(new DnsResolverOptions { Servers = [silent.Endpoint.ToString()], Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 });

        var answers = await lookup.LookupAsync(Name, Token);

        Assert.Empty(answers.Answers);
        Assert.Contains("the zone of s1._domainkey.example.test could not be found", answers.Failure);
        Assert.Contains("timed out", answers.Failure);
    }

    private static AuthoritativeTxtLookup Lookup(AuthoritativeServerPair servers) => new(new DnsResolverOptions
    {
        Servers = [servers.First.Endpoint.ToString()],
        AuthoritativePort = servers.Port,
        Timeout = TimeSpan.FromSeconds(1),
        Retries = 0,
    });

    private static string Text(AuthoritativeServerAnswer answer) => Encoding.ASCII.GetString(Assert.Single(answer.Lookup.Records).Join());
}
