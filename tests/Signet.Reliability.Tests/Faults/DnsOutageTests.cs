using System.Diagnostics;
using Signet.Dkim.Verification;
using Signet.Dns;
using Signet.Reliability.Tests.Support;
using Signet.Testing;

namespace Signet.Reliability.Tests.Faults;

/// <summary>DNS down, silent or broken: verification answers temperror within the configured timeout, and a burst of
/// verifications waiting on a dead server does not hold threads that other verifications need.</summary>
[Trait("Tier", "Integration")]
public sealed class DnsOutageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Verify_TwoHundredConcurrentAgainstASilentServer_AllTemperrorInTimeAndAGoodSourceStillAnswersPromptly()
    {
        using var silent = new SilentUdpEndpoint();
        await using var dns = await AuthoritativeDnsServer.StartAsync(SignedMessages.Domain, [SignedMessages.ZoneLine], CancellationToken.None);
        var dead = new DkimVerifier(new DnsTxtRecordSource(new DnsResolverOptions { Servers = [silent.Endpoint.ToString()], Timeout = Timeout, Retries = 0, UseCache = false }));
        var good = new DkimVerifier(new DnsTxtRecordSource(new DnsResolverOptions { Servers = [dns.Endpoint.ToString()], Timeout = Timeout, UseCache = false }));
        byte[] message = SignedMessages.Signed("dns outage");
        Assert.Equal(DkimResultStatus.Pass, (await SignedMessages.VerifyAsync(good, message)).Status);
        int threadsBefore = ThreadPool.ThreadCount;
        var clock = Stopwatch.StartNew();

        var outage = Enumerable.Range(0, 200).Select(_ => Task.Run(() => SignedMessages.VerifyAsync(dead, message))).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var healthy = Stopwatch.StartNew();
        var meanwhile = await SignedMessages.VerifyAsync(good, message);
        healthy.Stop();
        var results = await Task.WhenAll(outage);
        clock.Stop();

        Assert.Equal(DkimResultStatus.Pass, meanwhile.Status);
        Assert.True(healthy.Elapsed < TimeSpan.FromMilliseconds(500), $"the good source took {healthy.ElapsedMilliseconds} ms during the outage");
        Assert.All(results, r => Assert.Equal(DkimResultStatus.TempError, r.Status));
        Assert.All(results, r => Assert.Contains("timed out", r.Reason, StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"200 verifications against a silent server took {clock.Elapsed.TotalSeconds:0.0} s with a 1 s timeout");
        Assert.True(ThreadPool.ThreadCount < threadsBefore + 50, $"the thread pool grew from {threadsBefore} to {ThreadPool.ThreadCount} threads");
    }

    [Fact]
    public async Task Verify_NothingListensOnTheResolverPort_TemperrorWithinTheTimeout()
    {
        int port = LoopbackPorts.FindFreeTcpAndUdpPort();
        var verifier = new DkimVerifier(new DnsTxtRecordSource(new DnsResolverOptions { Servers = [$"127.0.0.1:{port}"], Timeout = Timeout, Retries = 1, UseCache = false }));
        var clock = Stopwatch.StartNew();

        var result = await SignedMessages.VerifyAsync(verifier, SignedMessages.Signed("resolver down"));

        Assert.Equal(DkimResultStatus.TempError, result.Status);
        Assert.True(clock.Elapsed < Timeout * 2 + TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Verify_ZoneBrokenSoTheServerAnswersServfail_TemperrorPromptlyThenPassOnceRepaired()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync(SignedMessages.Domain, [SignedMessages.ZoneLine], CancellationToken.None);
        var verifier = new DkimVerifier(new DnsTxtRecordSource(new DnsResolverOptions { Servers = [dns.Endpoint.ToString()], Timeout = Timeout, UseCache = true }));
        byte[] message = SignedMessages.Signed("servfail");
        await dns.BreakZoneAsync(SignedMessages.Domain, CancellationToken.None);
        var clock = Stopwatch.StartNew();

        var broken = await SignedMessages.VerifyAsync(verifier, message);
        clock.Stop();
        await dns.ReplaceZoneAsync(SignedMessages.Domain, [SignedMessages.ZoneLine], CancellationToken.None);
        var repaired = await SignedMessages.VerifyAsync(verifier, message);

        Assert.Equal(DkimResultStatus.TempError, broken.Status);
        Assert.True(clock.Elapsed < Timeout, $"a SERVFAIL answer took {clock.ElapsedMilliseconds} ms to become temperror");
        Assert.Equal(DkimResultStatus.Pass, repaired.Status);
    }
}
