using System.Text;
using Signet.Dkim.Canonicalization;
using Signet.Dkim.Keys;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Testing;

namespace Signet.Dkim.Tests.Verification;

public class SignVerifyRoundTripTests
{
    public static TheoryData<string, string> KeysAndCanonicalizations()
    {
        var data = new TheoryData<string, string>();
        foreach (string key in new[] { "rsa1024", "rsa2048", "rsa4096", "ed25519" })
        {
            foreach (string canon in new[] { "relaxed/relaxed", "relaxed/simple", "simple/relaxed", "simple/simple" })
            {
                data.Add(key, canon);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KeysAndCanonicalizations))]
    public async Task SignThenVerify_EachKeyAndCanonicalization_Passes(string keyName, string canon)
    {
        Assert.True(DkimCanonicalizationPair.TryParse(canon, out var canonicalization));
        var key = TestKeys.Named(keyName);
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(key, "example.com", "s1") { Canonicalization = canonicalization });

        var results = await Verify(signed, KeySourceFor(("s1", key)));

        var result = Assert.Single(results);
        Assert.Equal(DkimResultStatus.Pass, result.Status);
        Assert.Equal(key.KeySizeBits, result.KeySizeBits);
    }

    [Fact]
    public async Task SignThenVerify_RsaAndEd25519InOnePass_BothPass()
    {
        var signed = Sign(TestMessages.Simple,
            new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "rsa"),
            new DkimSigningRequest(TestKeys.Ed25519, "example.com", "ed"));

        var results = await Verify(signed, KeySourceFor(("rsa", TestKeys.Rsa2048), ("ed", TestKeys.Ed25519)));

        Assert.Equal(["rsa-sha256", "ed25519-sha256"], results.Select(r => r.Identity.Algorithm));
        Assert.All(results, r => Assert.Equal(DkimResultStatus.Pass, r.Status));
    }

    [Fact]
    public async Task SignThenVerify_LineFeedOnlyMessage_PassesAsWrittenAndAsCrlf()
    {
        string message = TestMessages.Simple.Replace("\r\n", "\n", StringComparison.Ordinal);
        var signed = Sign(message, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1"));
        string signedText = Encoding.UTF8.GetString(signed);
        Assert.DoesNotContain("\r", signedText);

        var keys = KeySourceFor(("s1", TestKeys.Rsa2048));
        Assert.Equal(DkimResultStatus.Pass, Assert.Single(await Verify(signed, keys)).Status);
        var crlf = Encoding.UTF8.GetBytes(signedText.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(DkimResultStatus.Pass, Assert.Single(await Verify(crlf, keys)).Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Verify_BodyFedInChunks_PassesLikeWhole(int chunkSize)
    {
        string message = TestMessages.Simple + string.Concat(Enumerable.Repeat("line with  trailing space \r\n\r\n", 200));
        var signed = Sign(message, new DkimSigningRequest(TestKeys.Ed25519, "example.com", "s1"));
        var (header, body) = TestMessages.Split(signed);

        var verifier = new DkimVerifier(KeySourceFor(("s1", TestKeys.Ed25519)));
        using var verification = verifier.Begin(header);
        foreach (var chunk in body.Chunk(chunkSize))
        {
            verification.AppendBody(chunk);
        }

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(await verification.CompleteAsync()).Status);
    }

    [Fact]
    public void Sign_DefaultPolicy_OversignsFromAndNeverSignsReceived()
    {
        string message = "Received: from relay\r\nReturn-Path: <a@example.com>\r\n" + TestMessages.Simple;
        var signed = Encoding.UTF8.GetString(Sign(message, new DkimSigningRequest(TestKeys.Ed25519, "example.com", "s1")));
        string h = signed[signed.IndexOf("h=", StringComparison.Ordinal)..];
        h = h[..h.IndexOf(';', StringComparison.Ordinal)].Replace("\r\n ", string.Empty, StringComparison.Ordinal);

        Assert.Equal(2, h.Split(':').Count(n => n.EndsWith("from", StringComparison.Ordinal)));
        Assert.DoesNotContain("received", h);
        Assert.DoesNotContain("return-path", h);
        Assert.DoesNotContain("l=", signed[..signed.IndexOf("\r\nReceived", StringComparison.Ordinal)]);
    }

    [Fact]
    public void TryCreate_Rsa512Key_IsRefusedWithTheReason()
    {
        using var weak = new RsaDkimPrivateKey(System.Security.Cryptography.RSA.Create(512));
        Assert.False(DkimSigner.TryCreate([new DkimSigningRequest(weak, "example.com", "s1")], null, out _, out string error));
        Assert.Contains("512 bits", error);
        Assert.Contains("RFC 8301", error);
    }

    internal static byte[] Sign(string message, params DkimSigningRequest[] requests) => Sign(Encoding.UTF8.GetBytes(message), requests);

    internal static byte[] Sign(byte[] message, params DkimSigningRequest[] requests)
    {
        Assert.True(DkimSigner.TryCreate(requests, null, out var signer, out string error), error);
        var (header, body) = TestMessages.Split(message);
        return TestMessages.Prepend(signer.Sign(header, body), message);
    }

    internal static async Task<IReadOnlyList<DkimSignatureResult>> Verify(byte[] message, InMemoryTxtSource keys, DkimVerifierOptions? options = null, TimeProvider? time = null)
    {
        var (header, body) = TestMessages.Split(message);
        return await new DkimVerifier(keys, options, time).VerifyAsync(header, body);
    }

    internal static InMemoryTxtSource KeySourceFor(params (string Selector, DkimPrivateKey Key)[] keys)
    {
        var source = new InMemoryTxtSource();
        foreach (var (selector, key) in keys)
        {
            source.Add($"{selector}._domainkey.example.com", DkimKeyRecord.Format(key.PublicKey));
        }

        return source;
    }
}
