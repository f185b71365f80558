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
    private static readonly TimeSpan OutageTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Verify_TwoHundredConcurrentAgainstASilentServer_AllTemperrorInTimeAndAGoodSourceStillAnswersPromptly()
    {
        using var silent = new SilentUdpEndpoint();
        await using var dns = await AuthoritativeDnsServer.StartAsync(SignedMessages.Domain, [SignedMessages.ZoneLine], CancellationToken.None);
        // The dead server's timeout is long enough that the good lookup, made meanwhile, ends first unless it queues behind them.
        var dead = new DkimVerifier(new DnsTxtRecordSource(new DnsResolverOptions { Servers = [silent.Endpoint.ToString()], Timeout = OutageTimeout, Retries = 0, UseCache = false }));
        var good = new DkimVerifier(new DnsTxtRecordSource(new DnsResolverOptions { Servers = [dns.Endpoint.ToString()], Timeout = OutageTimeout, UseCache = false }));
        byte[] message = SignedMessages.Signed("dns outage");
        Assert.Equal(DkimResultStatus.Pass, (await SignedMessages.VerifyAsync(good, message)).Status);
        int threadsBefore = ThreadPool.ThreadCount;

        var outage = Enumerable.Range(0, 200).Select(_ => Task.Run(() => SignedMessages.VerifyAsync(dead, message))).ToList();
        await Eventually.Until(() => silent.Received >= 20, "the outage's queries reach the silent server");
        var meanwhile = await SignedMessages.VerifyAsync(good, message);
        bool answeredDuringTheOutage = outage.TrueForAll(t => !t.IsCompleted);
        // One after another, 200 lookups would need 200 timeouts; concurrently they need about one.
        var results = await Task.WhenAll(outage).WaitAsync(OutageTimeout * 20);

        Assert.Equal(DkimResultStatus.Pass, meanwhile.Status);
        Assert.True(answeredDuringTheOutage, "the good source answered only after the outage's lookups had timed out: it queued behind them");
        Assert.All(results, r => Assert.Equal(DkimResultStatus.TempError, r.Status));
        Assert.All(results, r => Assert.Contains("timed out", r.Reason, StringComparison.Ordinal));
        Assert.True(ThreadPool.ThreadCount < threadsBefore + 50, $"the thread pool grew from {threadsBefore} to {ThreadPool.ThreadCount} threads");
    }

    [Fact]
    public async Task Verify_NothingListensOnTheResolverPort_TemperrorWithinTheTimeout()
    {
        int port = LoopbackPorts.FindFreeTcpAndUdpPort();
        var verifier = new DkimVerifier(new DnsTxtRecordSource(new DnsResolverOptions { Servers = [$"127.0.0.1:{port}"], Timeout = Timeout, Retries = 1, UseCache = false }));

        // It ends on its own (a deadline that tells a hang, not a speed limit); the timeout itself is proven in Signet.Dns.Tests.
        var result = await SignedMessages.VerifyAsync(verifier, SignedMessages.Signed("resolver down")).WaitAsync(Eventually.DefaultDeadline);

        Assert.Equal(DkimResultStatus.TempError, result.Status);
    }

    [Fact]
    public async Task Verify_ZoneBrokenSoTheServerAnswersServfail_TemperrorPromptlyThenPassOnceRepaired()
    {
        await using var dns = await AuthoritativeDnsServer.StartAsync(SignedMessages.Domain, [SignedMessages.ZoneLine], CancellationToken.None);
        // A timeout far beyond the wait allowed below: a temperror within that wait came from the answer, not from the timeout.
        var patient = Eventually.DefaultDeadline * 2;
        var verifier = new DkimVerifier(new DnsTxtRecordSource(new DnsResolverOptions { Servers = [dns.Endpoint.ToString()], Timeout = patient, UseCache = true }));
        byte[] message = SignedMessages.Signed("servfail");
        await dns.BreakZoneAsync(SignedMessages.Domain, CancellationToken.None);

        var broken = await SignedMessages.VerifyAsync(verifier, message).WaitAsync(patient / 2);
        await dns.ReplaceZoneAsync(SignedMessages.Domain, [SignedMessages.ZoneLine], CancellationToken.None);
        var repaired = await SignedMessages.VerifyAsync(verifier, message);

        Assert.Equal(DkimResultStatus.TempError, broken.Status);
        Assert.Equal(DkimResultStatus.Pass, repaired.Status);
    }
}
