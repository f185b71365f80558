using Signet.Interop.Tests.Peers;
using Signet.Testing;

namespace Signet.Interop.Tests;

/// <summary>A message signed with both an RSA and an Ed25519 key (what RFC 8463 signers do) passes with every receiver,
/// whether it knows Ed25519 or not; and each peer's Ed25519 declaration, which decides its matrix rows, is true.</summary>
[Collection(InteropSuite.Name)]
public sealed class InteropEd25519Tests(InteropFixture fixture)
{
    public static TheoryData<string> Peers() => [.. InteropPeers.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Peers))]
    public async Task SignetRsaAndEd25519Signatures_PassWithPeer(string peer)
    {
        var dkim = await fixture.Matrix.PeerAsync(peer);
        byte[] signed = await fixture.Matrix.SignWithSignetAsync(
            File.ReadAllBytes(RepositoryPaths.Vector("interop", "plain.eml")), "relaxed/relaxed",
            [fixture.Key("rsa2048"), fixture.Key("ed25519")], CancellationToken.None);

        var verdict = (await dkim.VerifyAsync([signed], CancellationToken.None)).Single();

        Assert.True(verdict.Pass, $"{dkim.Name} did not pass a message signed with rsa2048 and ed25519: {verdict.Detail}");
    }

    [Theory]
    [MemberData(nameof(Peers))]
    public async Task Ed25519OnlySignature_PassesExactlyWhenPeerDeclaresEd25519(string peer)
    {
        var dkim = await fixture.Matrix.PeerAsync(peer);
        byte[] signed = await fixture.Matrix.SignWithSignetAsync(
            File.ReadAllBytes(RepositoryPaths.Vector("interop", "plain.eml")), "relaxed/relaxed", [fixture.Key("ed25519")], CancellationToken.None);

        var verdict = (await dkim.VerifyAsync([signed], CancellationToken.None)).Single();

        // The declaration decides whether the matrix tries the peer with Ed25519, so it must be true.
        Assert.True(verdict.Pass == dkim.SupportsEd25519,
            $"{dkim.Name} declares Ed25519 support {dkim.SupportsEd25519} but verified an ed25519-sha256 signature as {(verdict.Pass ? "pass" : "not pass")}: {verdict.Detail}");
    }
}
