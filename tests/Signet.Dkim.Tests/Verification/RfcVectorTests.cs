using System.Text;
using Signet.Dkim.Canonicalization;
using Signet.Dkim.Keys;
using Signet.Dkim.Signatures;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Dns;
using Signet.Testing;

namespace Signet.Dkim.Tests.Verification;

/// <summary>The published examples in tests/vectors/rfc (RFC 8463 Appendix A, RFC 6376 Appendix A).</summary>
public class RfcVectorTests
{
    private static readonly DateTimeOffset SigningTime = DateTimeOffset.FromUnixTimeSeconds(1528637909);

    [Fact]
    public async Task Verify_Rfc8463Example_BothSignaturesPass()
    {
        var results = await VerifyVector("rfc8463-A3.eml");

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(DkimResultStatus.Pass, r.Status));
        Assert.Equal(["ed25519-sha256", "rsa-sha256"], results.Select(r => r.Identity.Algorithm));
    }

    [Theory]
    [InlineData(0, "rfc8463-brisbane.ed25519.seed.b64")]
    [InlineData(1, "rfc8463-test.rsa.pem")]
    public void Sign_Rfc8463ExampleTemplate_ReproducesThePublishedSignatureByteForByte(int index, string keyFile)
    {
        var (header, _) = TestMessages.Split(File.ReadAllBytes(RepositoryPaths.Vector("rfc", "rfc8463-A3.eml")));
        var published = header.Named("DKIM-Signature").ElementAt(index);
        Assert.True(DkimSignatureParser.TryParse(published, out var signature, out _, out _));
        Assert.True(DkimPrivateKeyReader.TryRead(File.ReadAllBytes(RepositoryPaths.Vector("rfc", "keys", keyFile)), out var key, out string error), error);

        byte[] unsignedField = DkimHeaderHash.WithEmptySignature(published.Raw);
        byte[] computed = DkimSigner.ComputeSignature(key, header, signature.SignedHeaders, signature.Canonicalization.Header, unsignedField);

        Assert.Equal(Convert.ToBase64String(signature.SignatureData), Convert.ToBase64String(computed));
    }

    [Fact]
    public void BodyHash_Rfc8463Example_MatchesBh()
    {
        var (header, body) = TestMessages.Split(File.ReadAllBytes(RepositoryPaths.Vector("rfc", "rfc8463-A3.eml")));
        using var hasher = new DkimBodyHasher(DkimCanonicalization.Relaxed);
        hasher.Append(body);
        Assert.Equal("2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=", Convert.ToBase64String(hasher.Finish()));
        Assert.NotEmpty(header.Fields);
    }

    [Theory]
    [InlineData("rfc6376-A2.eml", DkimFailureReason.BodyHashMismatch)]
    [InlineData("rfc6376-A2-onespace.eml", DkimFailureReason.SignatureMismatch)]
    public async Task Verify_Rfc6376InformativeExamples_FailForTheDocumentedReason(string file, DkimFailureReason reason)
    {
        var results = await VerifyVector(file);

        var result = Assert.Single(results);
        Assert.Equal(DkimResultStatus.Fail, result.Status);
        Assert.Equal(reason, result.Failure!.Reason);
    }

    private static async Task<IReadOnlyList<DkimSignatureResult>> VerifyVector(string file)
    {
        Assert.True(ZoneFileTxtSource.TryLoad(RepositoryPaths.Vector("rfc", "dns.txt"), out var keys, out string error), error);
        var (header, body) = TestMessages.Split(File.ReadAllBytes(RepositoryPaths.Vector("rfc", file)));
        var verifier = new DkimVerifier(keys, time: new FixedClock(SigningTime.AddDays(1)));
        return await verifier.VerifyAsync(header, body);
    }
}
