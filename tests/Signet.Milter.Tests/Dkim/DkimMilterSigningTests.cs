using System.Text;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Mail;
using Signet.Mail.Policy;
using Signet.Milter.Protocol;
using Signet.Milter.Tests.Support;
using Signet.Testing;

namespace Signet.Milter.Tests.Dkim;

public sealed class DkimMilterSigningTests
{
    private const string Message = TestMessages.Simple;

    [Fact]
    public async Task Sign_AuthenticatedClient_InsertsSignatureAtTopThatVerifies()
    {
        await using var harness = await DkimMilterHarness.StartAsync();

        var result = await harness.SendAsync(Message, TestEnvelope.Authenticated);

        Assert.Equal(MilterReplyCode.Continue, result.Reply.Code);
        var inserted = Assert.Single(result.Inserted("DKIM-Signature"));
        Assert.Equal(0u, inserted.Index);
        Assert.Contains("d=football.example.com", inserted.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", inserted.Value, StringComparison.Ordinal);
        var verified = Assert.Single(await harness.VerifyAsync(result.Apply(Message)));
        Assert.Equal(DkimResultStatus.Pass, verified.Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public async Task Sign_BodyInSmallChunks_SignatureVerifies(int chunkSize)
    {
        await using var harness = await DkimMilterHarness.StartAsync();

        var result = await harness.SendAsync(Message, TestEnvelope.Authenticated, chunkSize);

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(await harness.VerifyAsync(result.Apply(Message))).Status);
    }

    [Fact]
    public async Task Sign_OverUnixSocket_SignatureVerifies()
    {
        await using var harness = await DkimMilterHarness.StartAsync(unixSocket: true);

        var result = await harness.SendAsync(Message, TestEnvelope.Authenticated);

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(await harness.VerifyAsync(result.Apply(Message))).Status);
    }

    [Theory]
    [InlineData("10.20.30.40", "10.0.0.0/8")]
    [InlineData("2001:db8:1::25", "2001:db8::/32")]
    [InlineData("127.0.0.1", null)]
    public async Task Sign_ClientInInternalNetwork_IsSignedWithoutAuthentication(string client, string? network)
    {
        var mail = DkimMilterHarness.DefaultMail;
        if (network is not null)
        {
            mail = mail with { InternalNetworks = [network] };
        }

        await using var harness = await DkimMilterHarness.StartAsync(mail: mail);

        var result = await harness.SendAsync(Message, new TestEnvelope(ClientAddress: client));

        Assert.Single(result.Inserted("DKIM-Signature"));
        Assert.Empty(result.Inserted("Authentication-Results"));
    }

    [Fact]
    public async Task UnixSocketClient_NotAuthenticated_IsVerifiedNotSigned()
    {
        await using var harness = await DkimMilterHarness.StartAsync();

        var result = await harness.SendAsync(Message, new TestEnvelope(UnixSocketClient: true));

        Assert.Empty(result.Inserted("DKIM-Signature"));
        Assert.Single(result.Inserted("Authentication-Results"));
    }

    [Fact]
    public async Task UnixSocketClient_Authenticated_IsSigned()
    {
        await using var harness = await DkimMilterHarness.StartAsync();

        var result = await harness.SendAsync(Message, new TestEnvelope(AuthenticatedUser: "joe", UnixSocketClient: true));

        Assert.Single(result.Inserted("DKIM-Signature"));
    }

    [Fact]
    public async Task Sign_TwoKeys_InsertsBothInPolicyOrder()
    {
        var policy = TestSigningPolicy.SignWith(DkimMilterHarness.Request, new DkimSigningRequest(TestKeys.Rsa2048, DkimMilterHarness.Domain, "rsa"));
        await using var harness = await DkimMilterHarness.StartAsync(policy: policy);
        harness.Keys.Add("rsa._domainkey." + DkimMilterHarness.Domain, Signet.Dkim.Keys.DkimKeyRecord.Format(TestKeys.Rsa2048.PublicKey));

        var result = await harness.SendAsync(Message, TestEnvelope.Authenticated);

        var delivered = Encoding.UTF8.GetString(result.Apply(Message));
        Assert.True(delivered.IndexOf("s=s1", StringComparison.Ordinal) < delivered.IndexOf("s=rsa", StringComparison.Ordinal));
        Assert.All(await harness.VerifyAsync(result.Apply(Message)), r => Assert.Equal(DkimResultStatus.Pass, r.Status));
    }

    [Fact]
    public async Task Sign_PolicyGetsHeaderAndEnvelope()
    {
        var policy = TestSigningPolicy.SignWith(DkimMilterHarness.Request);
        await using var harness = await DkimMilterHarness.StartAsync(policy: policy);

        await harness.SendAsync(Message, TestEnvelope.Authenticated);

        var context = Assert.IsType<MailSigningContext>(policy.LastContext);
        Assert.Equal("joe", context.AuthenticatedUser);
        Assert.Equal("4ABCDEF123", context.QueueId);
        Assert.Equal("<joe@football.example.com>", context.EnvelopeSender);
        Assert.Equal(5, context.Header.Fields.Count);
    }

    [Fact]
    public async Task Sign_PolicyHasNoKey_ContinuesUnsignedAndSaysWhy()
    {
        var policy = TestSigningPolicy.Answer(MailSigningDecision.NoSignature("no active key for football.example.com"));
        await using var harness = await DkimMilterHarness.StartAsync(policy: policy);

        var result = await harness.SendAsync(Message, TestEnvelope.Authenticated);

        Assert.Equal(MilterReplyCode.Continue, result.Reply.Code);
        Assert.Empty(result.Changes);
        Assert.Equal("no active key for football.example.com", Assert.Single(harness.Log.WithEvent(2001)).Fields["Status"]);
    }

    [Fact]
    public async Task Sign_PolicyUnavailable_TempFailsByDefault()
    {
        var policy = TestSigningPolicy.Answer(MailSigningDecision.Unavailable("the store does not answer"));
        await using var harness = await DkimMilterHarness.StartAsync(policy: policy);

        var result = await harness.SendAsync(Message, TestEnvelope.Authenticated);

        Assert.Equal(MilterReplyCode.ReplyCode, result.Reply.Code);
        Assert.StartsWith("451 4.7.1 ", result.Reply.Text, StringComparison.Ordinal);
        Assert.Empty(result.Changes);
        var logged = Assert.Single(harness.Log.WithEvent(2002));
        Assert.Equal("4ABCDEF123", logged.Fields["QueueId"]);
        Assert.Equal("tempfail", logged.Fields["Status"]);
    }

    [Fact]
    public async Task Sign_PolicyThrows_TempFails()
    {
        await using var harness = await DkimMilterHarness.StartAsync(policy: TestSigningPolicy.Throwing());

        var result = await harness.SendAsync(Message, TestEnvelope.Authenticated);

        Assert.Equal(MilterReplyCode.ReplyCode, result.Reply.Code);
        Assert.Contains("unreachable", Assert.Single(harness.Log.WithEvent(2002)).Fields["Failure"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_PolicyUnavailableWithAcceptAction_AcceptsUnsigned()
    {
        var mail = DkimMilterHarness.DefaultMail with { SigningFailureAction = MailFailureAction.Accept };
        var policy = TestSigningPolicy.Answer(MailSigningDecision.Unavailable("the store does not answer"));
        await using var harness = await DkimMilterHarness.StartAsync(policy: policy, mail: mail);

        var result = await harness.SendAsync(Message, TestEnvelope.Authenticated);

        Assert.Equal(MilterReplyCode.Accept, result.Reply.Code);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public async Task Sign_WeakKeyFromPolicy_IsAnInternalErrorNotASignature()
    {
        var policy = TestSigningPolicy.SignWith(new DkimSigningRequest(TestKeys.Ed25519, "not a domain!", "s1"));
        await using var harness = await DkimMilterHarness.StartAsync(policy: policy);

        var result = await harness.SendAsync(Message, TestEnvelope.Authenticated);

        Assert.Equal(MilterReplyCode.ReplyCode, result.Reply.Code);
    }

    [Fact]
    public async Task Sign_LogsDomainSelectorAndQueueId_NeverTheSignature()
    {
        await using var harness = await DkimMilterHarness.StartAsync();

        var result = await harness.SendAsync(Message, TestEnvelope.Authenticated);

        var signed = Assert.Single(harness.Log.WithEvent(2000));
        Assert.Equal("4ABCDEF123", signed.Fields["QueueId"]);
        Assert.Equal(DkimMilterHarness.Domain, signed.Fields["Domain"]);
        Assert.Equal(DkimMilterHarness.Selector, signed.Fields["Selector"]);
        string b = new(result.Inserted("DKIM-Signature")[0].Value.Split("b=")[^1].Where(c => !char.IsWhiteSpace(c)).Take(16).ToArray());
        Assert.DoesNotContain(harness.Log.Entries, e => e.Message.Contains(b, StringComparison.Ordinal));
    }
}
