using System.Text;
using Signet.Dkim.Lookup;
using Signet.Dkim.Signing;
using Signet.Milter.Protocol;
using Signet.Milter.Tests.Support;
using Signet.Testing;

namespace Signet.Milter.Tests.Dkim;

public sealed class DkimMilterVerificationTests
{
    private const string Unsigned = TestMessages.Simple;

    private static string Signed()
    {
        DkimSigner.TryCreate([DkimMilterHarness.Request], DkimMilterHarness.Clock, out var signer, out _);
        var (header, body) = TestMessages.Split(Unsigned);
        return Encoding.UTF8.GetString(TestMessages.Prepend(signer.Sign(header, body), Encoding.UTF8.GetBytes(Unsigned)));
    }

    [Fact]
    public async Task Verify_GoodSignature_AddsPassAlignedWithFrom()
    {
        await using var harness = await DkimMilterHarness.StartAsync();

        var result = await harness.SendAsync(Signed(), TestEnvelope.Inbound);

        Assert.Equal(MilterReplyCode.Continue, result.Reply.Code);
        var inserted = Assert.Single(result.Inserted("Authentication-Results"));
        Assert.Equal(0u, inserted.Index);
        Assert.StartsWith(" mx.signet.test;", inserted.Value, StringComparison.Ordinal);
        Assert.Contains("dkim=pass", result.AuthenticationResults, StringComparison.Ordinal);
        Assert.Contains("header.d=football.example.com", result.AuthenticationResults, StringComparison.Ordinal);
        Assert.Contains("aligned with From domain football.example.com", result.AuthenticationResults, StringComparison.Ordinal);
        Assert.Empty(result.Inserted("DKIM-Signature"));
    }

    [Fact]
    public async Task Verify_BodyChangedAfterSigning_AddsFailWithBodyHashReason()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        string tampered = Signed().Replace("Are you hungry yet?", "Send money now.", StringComparison.Ordinal);

        var result = await harness.SendAsync(tampered, TestEnvelope.Inbound);

        Assert.Contains("dkim=fail", result.AuthenticationResults, StringComparison.Ordinal);
        Assert.Contains("body hash mismatch", result.AuthenticationResults, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NoSignature_AddsNone()
    {
        await using var harness = await DkimMilterHarness.StartAsync();

        var result = await harness.SendAsync(Unsigned, TestEnvelope.Inbound);

        Assert.Contains("dkim=none", result.AuthenticationResults, StringComparison.Ordinal);
        Assert.Equal("none", Assert.Single(harness.Log.WithEvent(2005)).Fields["Status"]);
    }

    [Fact]
    public async Task Verify_DnsTemporaryFailure_AddsTempErrorAndStillContinues()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        harness.Keys.Fail($"{DkimMilterHarness.Selector}._domainkey.{DkimMilterHarness.Domain}", TxtLookupStatus.TemporaryFailure, "SERVFAIL from 127.0.0.1");

        var result = await harness.SendAsync(Signed(), TestEnvelope.Inbound);

        Assert.Equal(MilterReplyCode.Continue, result.Reply.Code);
        Assert.Contains("dkim=temperror", result.AuthenticationResults, StringComparison.Ordinal);
        var logged = Assert.Single(harness.Log.WithEvent(2003));
        Assert.Equal("temperror", logged.Fields["Status"]);
        Assert.Equal(DkimMilterHarness.Domain, logged.Fields["Domain"]);
        Assert.Equal(DkimMilterHarness.Selector, logged.Fields["Selector"]);
        Assert.Equal("4ABCDEF123", logged.Fields["QueueId"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task Verify_BodyInSmallChunks_Passes(int chunkSize)
    {
        await using var harness = await DkimMilterHarness.StartAsync();

        var result = await harness.SendAsync(Signed(), TestEnvelope.Inbound, chunkSize);

        Assert.Contains("dkim=pass", result.AuthenticationResults, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ResultsClaimingOurAuthservId_AreDeleted_OthersKept()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        string message =
            "Authentication-Results: relay.example.net; dkim=pass header.d=football.example.com\r\n" +
            "Authentication-Results: MX.Signet.TEST; dkim=pass header.d=bank.example\r\n" +
            "Authentication-Results: (forged) mx.signet.test; spf=pass\r\n" +
            "Authentication-Results: mx.signet.test.evil.example; dkim=pass\r\n" + Signed();

        var result = await harness.SendAsync(message, TestEnvelope.Inbound);

        var deleted = result.Deleted("Authentication-Results");
        Assert.Equal([3u, 2u], deleted.Select(d => d.Index));
        string delivered = Encoding.UTF8.GetString(result.Apply(message));
        Assert.Contains("relay.example.net; dkim=pass", delivered, StringComparison.Ordinal);
        Assert.Contains("mx.signet.test.evil.example; dkim=pass", delivered, StringComparison.Ordinal);
        Assert.DoesNotContain("bank.example", delivered, StringComparison.Ordinal);
        Assert.DoesNotContain("(forged)", delivered, StringComparison.Ordinal);
        Assert.StartsWith("Authentication-Results: mx.signet.test;", delivered, StringComparison.Ordinal);
        Assert.Equal("2", Assert.Single(harness.Log.WithEvent(2006)).Fields["Count"]);
    }

    [Fact]
    public async Task Verify_ForgedResultsOnOutboundMail_AreDeletedToo()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        string message = "Authentication-Results: mx.signet.test; dkim=pass\r\n" + Unsigned;

        var result = await harness.SendAsync(message, TestEnvelope.Authenticated);

        Assert.Equal(1u, Assert.Single(result.Deleted("Authentication-Results")).Index);
        Assert.Single(result.Inserted("DKIM-Signature"));
    }

    [Fact]
    public async Task Verify_MessageLargerThanLimit_IsNotVerifiedAndSaysWhy()
    {
        await using var harness = await DkimMilterHarness.StartAsync(mail: DkimMilterHarness.DefaultMail with { MaximumVerifiedMessageSize = 16 });

        var result = await harness.SendAsync(Signed(), TestEnvelope.Inbound);

        Assert.Equal(MilterReplyCode.Continue, result.Reply.Code);
        Assert.Empty(result.Inserted("Authentication-Results"));
        Assert.Contains("exceeds 16 bytes", Assert.Single(harness.Log.WithEvent(2004)).Fields["Failure"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MoreSignaturesThanLimit_LooksUpOnlyTheLimit()
    {
        await using var harness = await DkimMilterHarness.StartAsync(mail: DkimMilterHarness.DefaultMail with { MaximumSignatures = 1 });
        string signed = Signed();
        string twice = signed[..signed.IndexOf("From: Joe", StringComparison.Ordinal)] + signed;

        var result = await harness.SendAsync(twice, TestEnvelope.Inbound);

        Assert.Contains("dkim=pass", result.AuthenticationResults, StringComparison.Ordinal);
        Assert.Contains("dkim=neutral", result.AuthenticationResults, StringComparison.Ordinal);
        Assert.Equal(1, harness.Keys.LookupCount);
    }

    [Fact]
    public async Task Verify_WithoutLeadingSpaceOption_RebuildsFieldsAndPasses()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        await using var client = await harness.ConnectAsync();
        await client.NegotiateAsync(steps: TestMilterClient.AllSteps & ~MilterProtocolSteps.HeaderLeadingSpace);

        var result = await client.SendMessageAsync(Signed(), TestEnvelope.Inbound);

        Assert.StartsWith("mx.signet.test;", Assert.Single(result.Inserted("Authentication-Results")).Value, StringComparison.Ordinal);
        Assert.Contains("dkim=pass", result.AuthenticationResults, StringComparison.Ordinal);
    }
}
