using Signet.Interop.Tests.Matrix;
using Signet.Interop.Tests.Peers;

namespace Signet.Interop.Tests;

/// <summary>The matrix, both directions, one row per peer × canonicalization; each row covers every key the peer
/// supports and every message, and names each failing combination with the verifier's words. Combinations a
/// <see cref="KnownDeviation"/> covers must still fail, so a fixed peer is noticed.</summary>
[Collection(InteropSuite.Name)]
public sealed class InteropMatrixTests(InteropFixture fixture)
{
    public static TheoryData<string, string> PeersAndCanonicalizations()
    {
        var data = new TheoryData<string, string>();
        foreach (var peer in InteropPeers.All)
        {
            foreach (string canonicalization in InteropMatrix.Canonicalizations)
            {
                data.Add(peer.Id, canonicalization);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PeersAndCanonicalizations))]
    public async Task SignetSignatures_PassWithPeer(string peer, string canonicalization)
    {
        var results = await fixture.Matrix.ResultsAsync(peer);

        AssertEvery(results.In(InteropDirection.SignetSigns, canonicalization), PassedUnlessKnownDeviation, DescribePassFailure);
    }

    [Theory]
    [MemberData(nameof(PeersAndCanonicalizations))]
    public async Task SignetSignedMessagesChangedAfterSigning_FailWithPeer(string peer, string canonicalization)
    {
        var results = await fixture.Matrix.ResultsAsync(peer);

        AssertEvery(results.In(InteropDirection.SignetSigns, canonicalization), o => o.TamperedRejected, o => o.DescribeTamperedPass());
    }

    [Theory]
    [MemberData(nameof(PeersAndCanonicalizations))]
    public async Task PeerSignatures_PassWithSignet(string peer, string canonicalization)
    {
        var results = await fixture.Matrix.ResultsAsync(peer);

        AssertEvery(results.In(InteropDirection.PeerSigns, canonicalization), PassedUnlessKnownDeviation, DescribePassFailure);
    }

    [Theory]
    [MemberData(nameof(PeersAndCanonicalizations))]
    public async Task PeerSignedMessagesChangedAfterSigning_FailWithSignet(string peer, string canonicalization)
    {
        var results = await fixture.Matrix.ResultsAsync(peer);

        AssertEvery(results.In(InteropDirection.PeerSigns, canonicalization), o => o.TamperedRejected, o => o.DescribeTamperedPass());
    }

    // A known deviation must still fail, so the entry goes once the peer is fixed.
    private static bool PassedUnlessKnownDeviation(InteropOutcome outcome) =>
        outcome.Passed == (KnownDeviation.For(outcome.Case) is null);

    private static string DescribePassFailure(InteropOutcome outcome) =>
        KnownDeviation.For(outcome.Case) is { } deviation
            ? $"{outcome.Case}: passed, but the known deviation \"{deviation.Title}\" says it fails; remove it from KnownDeviation.All if the peer was fixed"
            : outcome.DescribeFailure();

    private static void AssertEvery(IEnumerable<InteropOutcome> outcomes, Func<InteropOutcome, bool> holds, Func<InteropOutcome, string> describe)
    {
        var tried = outcomes.ToList();
        Assert.NotEmpty(tried);
        var failures = tried.Where(o => !holds(o)).Select(describe).ToList();
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {tried.Count} combinations failed:\n" + string.Join('\n', failures));
    }
}
