using System.Text;
using Signet.Dkim.Messages;
using Signet.Dkim.Signatures;
using Signet.Dkim.Verification;
using Signet.Testing;
using static Signet.Dkim.Tests.Hostile.HostileMessages;

namespace Signet.Dkim.Tests.Hostile;

/// <summary>Signatures built to exhaust a verifier: too many of them, huge tag lists, bytes that are not text.</summary>
public class SignatureBoundsTests
{
    [Fact]
    public async Task Verify_ThousandSignatures_ChecksTheFirstTenAndReportsTheRestNeutral()
    {
        byte[] signed = SignWithS1(With([]));
        // 999 more signatures, each naming its own selector: unchecked ones must cost no DNS query.
        byte[] message = [.. Repeat("DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s{i}x; h=from; bh=AAAA; b=AAAA\r\n", 999), .. signed];
        var keys = S1Keys();

        var results = await VerifyTimed(message, keys);

        Assert.Equal(1000, results.Count);
        Assert.Equal(DkimVerifierOptions.Default.MaximumSignatures, results.Count(r => r.Failure?.Reason != DkimFailureReason.TooManySignatures));
        Assert.All(results.Skip(DkimVerifierOptions.Default.MaximumSignatures), r => Assert.Equal(DkimResultStatus.Neutral, r.Status));
        Assert.InRange(keys.LookupCount, 1, DkimVerifierOptions.Default.MaximumSignatures);
    }

    [Fact]
    public async Task Verify_SignatureNamingHundredThousandHeaders_FailsWithSignatureMismatch()
    {
        string names = string.Join(':', Enumerable.Range(0, 100_000).Select(i => $"x-name-{i}"));
        byte[] message = SignatureOnSimple($"v=1; a=rsa-sha256; d=example.com; s=s1; h=from:{names}; bh=AAAA; b=AAAA");

        var result = Assert.Single(await VerifyTimed(message, S1Keys()));

        Assert.Equal(DkimResultStatus.Fail, result.Status);
    }

    [Fact]
    public async Task Verify_HundredThousandNamesOverTenThousandFields_FailsInBoundedTime()
    {
        string names = string.Join(':', Enumerable.Range(0, 100_000).Select(i => $"x-name-{i}"));
        byte[] fields = Repeat("X-Name-{i}: value\r\n", 10_000);
        byte[] message = [.. Encoding.ASCII.GetBytes($"DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s1; h=from:{names}; bh=AAAA; b=AAAA\r\n"), .. With(fields)];

        var result = Assert.Single(await VerifyTimed(message, S1Keys()));

        Assert.Equal(DkimResultStatus.Fail, result.Status);
    }

    [Fact]
    public void Parse_SignatureWithSixtyFourKilobyteSignatureValue_FailsWithTagSyntax()
    {
        string b = new('!', 65_536);
        var field = DkimHeaderField.Create(DkimSignatureParser.FieldName, $" v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b={b}");

        bool parsed = HangBound.Within(() => DkimSignatureParser.TryParse(field, out _, out _, out var failure) || failure.Reason != DkimFailureReason.TagSyntax);

        Assert.False(parsed);
    }

    [Fact]
    public async Task Verify_NulInTagValue_IsPermanentError()
    {
        byte[] message = SignatureOnSimple("v=1; a=rsa-sha256; d=exa\0mple.com; s=s1; h=from; bh=AAAA; b=AAAA");

        var result = Assert.Single(await VerifyTimed(message, S1Keys()));

        Assert.Equal(DkimResultStatus.PermError, result.Status);
        Assert.Equal(DkimFailureReason.TagSyntax, result.Failure!.Reason);
    }

    [Fact]
    public async Task Verify_InvalidUtf8InSigningDomain_IsNotFoundAndNotPass()
    {
        byte[] message = SignatureOnSimple([.. "v=1; a=rsa-sha256; d=ex"u8, 0xFF, 0xC3, .. "ample.com; s=s1; h=from; bh=AAAA; b=AAAA"u8]);

        var result = Assert.Single(await VerifyTimed(message, S1Keys()));

        Assert.Equal(DkimResultStatus.PermError, result.Status);
        Assert.Equal(DkimFailureReason.KeyNotFound, result.Failure!.Reason);
    }

    [Fact]
    public async Task Verify_InvalidUtf8InTagName_IsTagSyntax()
    {
        byte[] message = SignatureOnSimple([.. "v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA; z"u8, 0xFF, .. "=1"u8]);

        var result = Assert.Single(await VerifyTimed(message, S1Keys()));

        Assert.Equal(DkimFailureReason.TagSyntax, result.Failure!.Reason);
    }

    private static byte[] SignatureOnSimple(string tagList) => SignatureOnSimple(Encoding.ASCII.GetBytes(tagList));

    private static byte[] SignatureOnSimple(byte[] tagList) => [.. "DKIM-Signature: "u8, .. tagList, .. "\r\n"u8, .. With([])];
}
