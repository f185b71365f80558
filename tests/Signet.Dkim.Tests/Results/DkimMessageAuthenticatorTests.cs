using System.Text;
using Signet.Dkim.Alignment;
using Signet.Dkim.Keys;
using Signet.Dkim.Results;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Testing;
using static Signet.Dkim.Tests.Verification.SignVerifyRoundTripTests;

namespace Signet.Dkim.Tests.Results;

/// <summary>The one verify → report → Authentication-Results sequence the mail pipeline, <c>signet verify</c> and the
/// console's message check all call.</summary>
public sealed class DkimMessageAuthenticatorTests
{
    private const string AuthservId = "mx.example.net";

    private static readonly PublicSuffixListResolver Offline = new(PublicSuffixList.Embedded);

    [Fact]
    public async Task Authenticate_AlignedGoodSignature_PassesAndWritesOneClauseForIt()
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Ed25519, "football.example.com", "s1"));

        var authentication = await AuthenticateAsync(signed, "\r\n");

        var result = Assert.Single(authentication.Results);
        Assert.Equal(DkimResultStatus.Pass, result.Status);
        Assert.True(Assert.Single(authentication.Report.Signatures).Aligned);
        Assert.StartsWith($"Authentication-Results: {AuthservId};\r\n\tdkim=pass", authentication.AuthenticationResults, StringComparison.Ordinal);
        Assert.Contains("header.d=football.example.com", authentication.AuthenticationResults, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", authentication.AuthenticationResults, StringComparison.Ordinal);
        Assert.Equal(authentication.AuthenticationResults[..^2], authentication.AuthenticationResultsText);
    }

    [Fact]
    public async Task Authenticate_BodyChanged_FailsWithBodyHashMismatchInTheFieldAndTheResults()
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Ed25519, "football.example.com", "s1"));
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed).Replace("Joe.", "Jim.", StringComparison.Ordinal));

        var authentication = await AuthenticateAsync(altered, "\n");

        Assert.Equal(DkimFailureReason.BodyHashMismatch, Assert.Single(authentication.Results).Failure?.Reason);
        Assert.Contains("dkim=fail", authentication.AuthenticationResultsText, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", authentication.AuthenticationResults, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_Unsigned_HasNoResultsAndSaysNone()
    {
        var authentication = await AuthenticateAsync(Encoding.UTF8.GetBytes(TestMessages.Simple), "\n");

        Assert.Empty(authentication.Results);
        Assert.Empty(authentication.Report.Signatures);
        Assert.Equal($"Authentication-Results: {AuthservId};\n\tdkim=none (no DKIM signature)", authentication.AuthenticationResultsText);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public async Task Complete_BodyFedInChunks_GivesTheSameFieldAsTheWholeMessage(int chunkSize)
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Rsa2048, "football.example.com", "s2"));
        var (header, body) = TestMessages.Split(signed);
        var whole = await AuthenticateAsync(signed, "\r\n");

        using var verification = new DkimVerifier(Keys()).Begin(header);
        for (int i = 0; i < body.Length; i += chunkSize)
        {
            verification.AppendBody(body.AsSpan(i, Math.Min(chunkSize, body.Length - i)));
        }

        var streamed = await DkimMessageAuthenticator.CompleteAsync(header, verification, Offline, AuthservId, "\r\n", CancellationToken.None);

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(streamed.Results).Status);
        Assert.Equal(whole.AuthenticationResults, streamed.AuthenticationResults);
    }

    [Fact]
    public async Task Authenticate_SignatureOfAnotherDomain_PassesButIsNotAligned()
    {
        var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Ed25519, "example.org", "s1"));
        var keys = new InMemoryTxtSource().Add("s1._domainkey.example.org", DkimKeyRecord.Format(TestKeys.Ed25519.PublicKey));
        var (header, body) = TestMessages.Split(signed);

        var authentication = await DkimMessageAuthenticator.AuthenticateAsync(new DkimVerifier(keys), header, body, Offline, AuthservId, "\n", CancellationToken.None);

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(authentication.Results).Status);
        Assert.False(Assert.Single(authentication.Report.Signatures).Aligned);
        Assert.Contains("not aligned with From domain football.example.com", authentication.AuthenticationResultsText, StringComparison.Ordinal);
    }

    private static async Task<DkimMessageAuthentication> AuthenticateAsync(byte[] message, string lineEnding)
    {
        var (header, body) = TestMessages.Split(message);
        return await DkimMessageAuthenticator.AuthenticateAsync(new DkimVerifier(Keys()), header, body, Offline, AuthservId, lineEnding, CancellationToken.None);
    }

    private static InMemoryTxtSource Keys() => new InMemoryTxtSource()
        .Add("s1._domainkey.football.example.com", DkimKeyRecord.Format(TestKeys.Ed25519.PublicKey))
        .Add("s2._domainkey.football.example.com", DkimKeyRecord.Format(TestKeys.Rsa2048.PublicKey));
}
