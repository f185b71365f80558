using Signet.Interop.Tests.Matrix;
using Signet.Interop.Tests.Peers;
using Signet.Testing;

namespace Signet.Interop.Tests;

/// <summary>docs/interop.md is the matrix as the tests last ran it.</summary>
[Collection(InteropSuite.Name)]
public sealed class InteropReportTests(InteropFixture fixture)
{
    [Fact]
    public async Task Report_IsWrittenToDocs_WithEveryPeerAndKey()
    {
        var peers = new List<PeerResults>();
        foreach (var peer in InteropPeers.All)
        {
            peers.Add(await fixture.Matrix.ResultsAsync(peer.Id));
        }

        string report = InteropReport.Render(peers, fixture.Keys, DateOnly.FromDateTime(DateTime.UtcNow));
        string docs = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "docs")).FullName;
        await File.WriteAllTextAsync(Path.Combine(docs, "interop.md"), report);

        Assert.All(peers, p => Assert.Contains($"| {p.Name} |", report, StringComparison.Ordinal));
        Assert.All(fixture.Keys, k => Assert.Contains($"| {k.Algorithm} | {k.Bits} |", report, StringComparison.Ordinal));
    }
}
