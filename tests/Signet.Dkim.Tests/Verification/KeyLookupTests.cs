using Signet.Dkim.Keys;
using Signet.Dkim.Lookup;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Testing;
using static Signet.Dkim.Tests.Verification.SignVerifyRoundTripTests;

namespace Signet.Dkim.Tests.Verification;

/// <summary>How a verification looks up its keys: once per distinct name, whether the source answers at once (a cached
/// key) or later (DNS), and with a fault of the source as temperror.</summary>
public class KeyLookupTests
{
    [Fact]
    public async Task Verify_TwoSignaturesNamingOneKeyInDifferentCase_LookUpTheKeyOnce()
    {
        var signed = Sign(TestMessages.Simple,
            new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1"),
            new DkimSigningRequest(TestKeys.Rsa2048, "EXAMPLE.com", "S1"));
        var keys = KeySourceFor(("s1", TestKeys.Rsa2048));

        var results = await Verify(signed, keys);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(DkimResultStatus.Pass, r.Status));
        Assert.Equal(1, keys.LookupCount);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public async Task Verify_ManyDistinctKeyNames_LooksUpEachOnceAndVerifiesEach(int count)
    {
        // Past sixteen names the lookups are found through an index instead of a scan: both must give each
        // signature its own key.
        var requests = Enumerable.Range(0, count).Select(i => new DkimSigningRequest(TestKeys.Ed25519, "example.com", $"s{i}")).ToArray();
        var signed = Sign(TestMessages.Simple, requests);
        var keys = new InMemoryTxtSource();
        for (int i = 0; i < count; i++)
        {
            // Every other selector publishes a key that did not sign: its signature must fail, not borrow a neighbour's.
            keys.Add($"s{i}._domainkey.example.com", DkimKeyRecord.Format((i % 2 == 0 ? TestKeys.Ed25519 : TestKeys.Rsa2048).PublicKey));
        }

        var results = await Verify(signed, keys, DkimVerifierOptions.Default with { MaximumSignatures = count });

        Assert.Equal(count, keys.LookupCount);
        Assert.Equal(count, keys.Queries.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        for (int i = 0; i < count; i++)
        {
            Assert.Equal($"s{i}", results[i].Identity.Selector);
            Assert.Equal(i % 2 == 0 ? DkimResultStatus.Pass : DkimResultStatus.PermError, results[i].Status);
        }
    }

    [Fact]
    public async Task Verify_SourceThatAnswersLater_Passes()
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1"));
        var source = new LaterSource(KeySourceFor(("s1", TestKeys.Rsa2048)));
        var (header, body) = TestMessages.Split(signed);

        var results = await new DkimVerifier(source).VerifyAsync(header, body);

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(results).Status);
        Assert.Equal(1, source.AnsweredLater);
    }

    [Fact]
    public async Task Verify_SourceThatThrowsAtOnce_IsTempErrorWithItsMessage()
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1"));
        var (header, body) = TestMessages.Split(signed);

        var result = Assert.Single(await new DkimVerifier(new ThrowingSource()).VerifyAsync(header, body));

        Assert.Equal(DkimResultStatus.TempError, result.Status);
        Assert.Equal(DkimFailureReason.DnsTemporaryFailure, result.Failure!.Reason);
        Assert.Contains("resolver exploded", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CancelledWhileTheSourceAnswersLater_ThrowsOperationCanceled()
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1"));
        var (header, body) = TestMessages.Split(signed);
        using var cancellation = new CancellationTokenSource();
        using var verification = new DkimVerifier(new NeverSource()).Begin(header, cancellation.Token);
        verification.AppendBody(body);

        var completing = verification.CompleteAsync(cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => completing);
    }

    private sealed class LaterSource(ITxtRecordSource inner) : ITxtRecordSource
    {
        public int AnsweredLater { get; private set; }

        public async ValueTask<TxtLookupResult> LookupTxtAsync(string name, CancellationToken cancellationToken)
        {
            await Task.Yield();
            AnsweredLater++;
            return await inner.LookupTxtAsync(name, cancellationToken);
        }
    }

    private sealed class ThrowingSource : ITxtRecordSource
    {
        public ValueTask<TxtLookupResult> LookupTxtAsync(string name, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("resolver exploded");
    }

    private sealed class NeverSource : ITxtRecordSource
    {
        public async ValueTask<TxtLookupResult> LookupTxtAsync(string name, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
            return TxtLookupResult.NotFound("never");
        }
    }
}
