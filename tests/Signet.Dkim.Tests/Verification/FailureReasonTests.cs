using System.Security.Cryptography;
using System.Text;
using Signet.Dkim.Keys;
using Signet.Dkim.Lookup;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Testing;
using static Signet.Dkim.Tests.Verification.SignVerifyRoundTripTests;

namespace Signet.Dkim.Tests.Verification;

/// <summary>Each way a signature goes wrong gets its own status and reason.</summary>
public class FailureReasonTests
{
    private const string KeyName = "s1._domainkey.example.com";

    [Fact]
    public async Task Verify_BodyChangedAfterSigning_FailsWithBodyHashMismatch()
    {
        var result = await VerifyAltered(s => s.Replace("Joe.", "Jim.", StringComparison.Ordinal));
        AssertFailure(result, DkimResultStatus.Fail, DkimFailureReason.BodyHashMismatch);
    }

    [Fact]
    public async Task Verify_SignedHeaderChanged_FailsWithSignatureMismatch()
    {
        var result = await VerifyAltered(s => s.Replace("Subject: Is dinner ready?", "Subject: Send money", StringComparison.Ordinal));
        AssertFailure(result, DkimResultStatus.Fail, DkimFailureReason.SignatureMismatch);
    }

    [Fact]
    public async Task Verify_SecondFromAdded_FailsBecauseFromIsOversigned()
    {
        var result = await VerifyAltered(s => s.Replace("To: Suzie", "From: ceo@example.com\r\nTo: Suzie", StringComparison.Ordinal));
        AssertFailure(result, DkimResultStatus.Fail, DkimFailureReason.SignatureMismatch);
    }

    [Fact]
    public async Task Verify_UnsignedHeaderAdded_StillPasses()
    {
        var result = await VerifyAltered(s => s + string.Empty, prefix: "Received: from relay.example.net\r\n");
        Assert.Equal(DkimResultStatus.Pass, result.Status);
    }

    [Fact]
    public async Task Verify_SignatureCutShort_IsAPermanentSyntaxError()
    {
        var result = await VerifyAltered(s =>
        {
            int end = s.IndexOf("\r\nFrom:", StringComparison.Ordinal);
            return s[..(end - 5)] + s[end..];
        });
        AssertFailure(result, DkimResultStatus.PermError, DkimFailureReason.TagSyntax);
    }

    [Fact]
    public async Task Verify_PublishedKeyIsAnotherKey_FailsWithSignatureMismatch()
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1"));
        var result = Assert.Single(await Verify(signed, KeySourceFor(("s1", TestKeys.OtherRsa))));
        AssertFailure(result, DkimResultStatus.Fail, DkimFailureReason.SignatureMismatch);
    }

    [Fact]
    public async Task Verify_AfterExpiry_IsPermErrorExpired()
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Ed25519, "example.com", "s1") { Expiration = TimeSpan.FromHours(1) });
        var later = new FixedClock(DateTimeOffset.UtcNow.AddHours(2));
        var result = Assert.Single(await Verify(signed, KeySourceFor(("s1", TestKeys.Ed25519)), time: later));
        AssertFailure(result, DkimResultStatus.PermError, DkimFailureReason.Expired);
    }

    [Fact]
    public async Task Verify_TimestampFarInTheFuture_IsPermError()
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Ed25519, "example.com", "s1"));
        var earlier = new FixedClock(DateTimeOffset.UtcNow.AddHours(-1));
        var result = Assert.Single(await Verify(signed, KeySourceFor(("s1", TestKeys.Ed25519)), time: earlier));
        AssertFailure(result, DkimResultStatus.PermError, DkimFailureReason.TimestampInFuture);
    }

    [Theory]
    [InlineData("v=DKIM1; k=rsa; p=", DkimFailureReason.KeyRevoked)]
    [InlineData("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", DkimFailureReason.KeyTypeMismatch)]
    [InlineData("v=DKIM1; k=rsa; h=sha1; p={key}", DkimFailureReason.KeyHashExcluded)]
    [InlineData("v=DKIM1; k=rsa; s=tlsrpt; p={key}", DkimFailureReason.KeyServiceTypeExcluded)]
    [InlineData("v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMo", DkimFailureReason.KeySyntax)]
    public async Task Verify_UnusableKeyRecord_IsPermErrorWithTheReason(string record, DkimFailureReason reason)
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1"));
        string p = Convert.ToBase64String(TestKeys.Rsa2048.PublicKey.ExportRecordData());
        var keys = new InMemoryTxtSource().Add(KeyName, record.Replace("{key}", p, StringComparison.Ordinal));

        var result = Assert.Single(await Verify(signed, keys));
        AssertFailure(result, DkimResultStatus.PermError, reason);
    }

    [Fact]
    public async Task Verify_Rsa512KeyPublished_IsPermErrorKeyTooShort()
    {
        using var rsa = RSA.Create(512);
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1"));
        var keys = new InMemoryTxtSource().Add(KeyName, "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()));

        var result = Assert.Single(await Verify(signed, keys));
        AssertFailure(result, DkimResultStatus.PermError, DkimFailureReason.KeyTooShort);
    }

    [Fact]
    public async Task Verify_StrictKeyWithSubdomainIdentity_IsPermError()
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1") { AgentOrUserIdentifier = "joe@mail.example.com" });
        string p = Convert.ToBase64String(TestKeys.Rsa2048.PublicKey.ExportRecordData());
        var keys = new InMemoryTxtSource().Add(KeyName, $"v=DKIM1; t=s; p={p}");

        AssertFailure(Assert.Single(await Verify(signed, keys)), DkimResultStatus.PermError, DkimFailureReason.KeyStrictSubdomain);
    }

    [Theory]
    [InlineData(TxtLookupStatus.NotFound, DkimResultStatus.PermError, DkimFailureReason.KeyNotFound)]
    [InlineData(TxtLookupStatus.TemporaryFailure, DkimResultStatus.TempError, DkimFailureReason.DnsTemporaryFailure)]
    [InlineData(TxtLookupStatus.PermanentFailure, DkimResultStatus.PermError, DkimFailureReason.DnsPermanentFailure)]
    public async Task Verify_KeyLookupOutcome_MapsToStatus(TxtLookupStatus lookup, DkimResultStatus status, DkimFailureReason reason)
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1"));
        var keys = new InMemoryTxtSource().Fail(KeyName, lookup, "as the test says");

        AssertFailure(Assert.Single(await Verify(signed, keys)), status, reason);
    }

    [Fact]
    public async Task Verify_RsaSha1Signature_IsRefusedPerRfc8301()
    {
        string field = "DKIM-Signature: v=1; a=rsa-sha1; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA\r\n";
        var message = Encoding.ASCII.GetBytes(field + TestMessages.Simple);

        var result = Assert.Single(await Verify(message, KeySourceFor(("s1", TestKeys.Rsa2048))));
        AssertFailure(result, DkimResultStatus.PermError, DkimFailureReason.RsaSha1NotAccepted);
    }

    [Fact]
    public async Task Verify_BodyLengthShorterThanBody_IsPolicyAndSaysHowMuchIsUnsigned()
    {
        var limited = LimitedSignature.Create(TestMessages.Simple, TestKeys.Ed25519, bodyLength: 10);

        var policy = Assert.Single(await Verify(limited, KeySourceFor(("s1", TestKeys.Ed25519))));
        Assert.Equal(DkimResultStatus.Policy, policy.Status);
        Assert.Contains("l=10", policy.Reason);

        var accepted = Assert.Single(await Verify(limited, KeySourceFor(("s1", TestKeys.Ed25519)),
            DkimVerifierOptions.Default with { BodyLengthPolicy = DkimBodyLengthPolicy.Accept }));
        Assert.Equal(DkimResultStatus.Pass, accepted.Status);
    }

    [Fact]
    public async Task Verify_MoreSignaturesThanTheBound_LeavesTheRestNeutral()
    {
        byte[] message = Encoding.UTF8.GetBytes(TestMessages.Simple);
        for (int i = 0; i < 3; i++)
        {
            message = Sign(message, new DkimSigningRequest(TestKeys.Ed25519, "example.com", "s1"));
        }

        var results = await Verify(message, KeySourceFor(("s1", TestKeys.Ed25519)), DkimVerifierOptions.Default with { MaximumSignatures = 2 });

        Assert.Equal([DkimResultStatus.Pass, DkimResultStatus.Pass, DkimResultStatus.Neutral], results.Select(r => r.Status));
        Assert.Equal(DkimFailureReason.TooManySignatures, results[2].Failure!.Reason);
    }

    private static async Task<DkimSignatureResult> VerifyAltered(Func<string, string> alter, string prefix = "")
    {
        var signed = Encoding.UTF8.GetString(Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1")));
        var altered = Encoding.UTF8.GetBytes(prefix + alter(signed));
        return Assert.Single(await Verify(altered, KeySourceFor(("s1", TestKeys.Rsa2048))));
    }

    private static void AssertFailure(DkimSignatureResult result, DkimResultStatus status, DkimFailureReason reason)
    {
        Assert.True(result.Status == status && result.Failure?.Reason == reason,
            $"expected {status}/{reason}, got {result.Status}/{result.Failure?.Reason}: {result.Reason}");
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }
}
