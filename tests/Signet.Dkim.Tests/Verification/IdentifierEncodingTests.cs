using System.Text;
using Signet.Dkim.Canonicalization;
using Signet.Dkim.Keys;
using Signet.Dkim.Messages;
using Signet.Dkim.Signatures;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Dns;
using Signet.Testing;

namespace Signet.Dkim.Tests.Verification;

/// <summary>i= is dkim-quoted-printable (RFC 6376 §2.11, §3.5): it is decoded before its "@" and its domain are
/// judged, and the signer encodes what needs encoding. Vectors in tests/vectors/identifier.</summary>
public class IdentifierEncodingTests
{
    private static readonly DateTimeOffset SigningTime = DateTimeOffset.FromUnixTimeSeconds(1528637909);

    [Theory]
    [InlineData("i-quoted-at.eml", "jlong=40example.com")]
    [InlineData("i-quoted-dot.eml", "jlong@example=2Ecom")]
    public async Task Verify_IdentifierWrittenInQuotedPrintable_PassesWithTheDecodedIdentity(string file, string written)
    {
        byte[] message = File.ReadAllBytes(RepositoryPaths.Vector("identifier", file));
        Assert.Contains("i=" + written + ";", Encoding.ASCII.GetString(message));
        Assert.True(ZoneFileTxtSource.TryLoad(RepositoryPaths.Vector("rfc", "dns.txt"), out var keys, out string error), error);
        var (header, body) = TestMessages.Split(message);

        var results = await new DkimVerifier(keys, time: new FixedClock(SigningTime.AddDays(1))).VerifyAsync(header, body);

        var result = Assert.Single(results);
        Assert.True(result.Status == DkimResultStatus.Pass, result.Failure?.Message);
        Assert.True(DkimSignatureParser.TryParse(header.Named("DKIM-Signature").Single(), out var signature, out _, out _));
        Assert.Equal("jlong@example.com", signature.AgentOrUserIdentifier);
        Assert.Equal("example.com", signature.IdentifierDomain);
    }

    // The vectors' provenance: rsa-sha256 is deterministic, so re-signing each hand-written field with the
    // RFC 6376 Appendix C key must give its b= byte for byte.
    [Theory]
    [InlineData("i-quoted-at.eml")]
    [InlineData("i-quoted-dot.eml")]
    public void Sign_IdentifierVectorField_ReproducesItsSignature(string file)
    {
        var (header, _) = TestMessages.Split(File.ReadAllBytes(RepositoryPaths.Vector("identifier", file)));
        var published = header.Named("DKIM-Signature").Single();
        Assert.True(DkimSignatureParser.TryParse(published, out var signature, out _, out _));
        Assert.True(DkimPrivateKeyReader.TryRead(File.ReadAllBytes(RepositoryPaths.Vector("rfc", "keys", "rfc6376-appC-brisbane.rsa.pem")), out var key, out string error), error);

        byte[] computed = DkimSigner.ComputeSignature(key, header, signature.SignedHeaders, signature.Canonicalization.Header, DkimHeaderHash.WithEmptySignature(published.Raw));

        Assert.Equal(Convert.ToBase64String(signature.SignatureData), Convert.ToBase64String(computed));
    }

    [Theory]
    [InlineData("jlong@example.com", "jlong@example.com")]
    [InlineData("first=last@example.com", "first=3Dlast@example.com")]
    [InlineData("bücher@mail.example.com", "b=C3=BCcher@mail.example.com")]
    [InlineData("@example.com", "@example.com")]
    public async Task SignThenVerify_IdentifierNeedingEncoding_IsWrittenEncodedAndReadBackAsGiven(string identifier, string written)
    {
        var request = new DkimSigningRequest(TestKeys.Ed25519, "example.com", "s1") { AgentOrUserIdentifier = identifier };
        byte[] signed = SignVerifyRoundTripTests.Sign(TestMessages.Simple, request);
        var (header, _) = TestMessages.Split(signed);

        var results = await SignVerifyRoundTripTests.Verify(signed, SignVerifyRoundTripTests.KeySourceFor(("s1", TestKeys.Ed25519)));

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(results).Status);
        string field = Encoding.UTF8.GetString(header.Named("DKIM-Signature").Single().Raw).Replace("\r\n ", " ", StringComparison.Ordinal);
        Assert.Contains("i=" + written + ";", field);
        Assert.True(DkimSignatureParser.TryParse(header.Named("DKIM-Signature").Single(), out var signature, out _, out _));
        Assert.Equal(identifier, signature.AgentOrUserIdentifier);
    }

    public static TheoryData<string, string> HostileIdentifiers() => new()
    {
        { "jlong=4Gexample.com", "\"=4G\"" },
        { "jlong=40example.com=4", "not followed by two hex digits" },
        { "jlong=", "not followed by two hex digits" },
        { "jl=00ong@example.com", "NUL" },
        { "jlong=FF@example.com", "not UTF-8" },
        { "jlong= 40example.com", "is not \"=\" and two hex digits" },
        { new string('a', 400) + "@example.com", "more than 320 octets" },
        { string.Concat(Enumerable.Repeat("=41", 5000)) + "@example.com", "more than 320 octets" },
        { "jlong=2540example.com", "has no '@'" },
        { "jlong@evil=2Eexample", "not within d=example.com" },
    };

    [Theory]
    [MemberData(nameof(HostileIdentifiers))]
    public void TryParse_HostileIdentifier_IsAPermErrorThatSaysWhy(string identifier, string reason)
    {
        var field = DkimHeaderField.Create("DKIM-Signature", " v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA; i=" + identifier);

        Assert.False(DkimSignatureParser.TryParse(field, out _, out _, out var failure));

        Assert.Equal(DkimResultStatus.PermError, DkimFailureReasons.StatusOf(failure.Reason));
        Assert.Contains(reason, failure.Message);
        Assert.True(failure.Message.Length < 300, failure.Message);
    }
}
