using Signet.Dkim.Results;
using Signet.Dkim.Signatures;
using Signet.Dkim.Verification;

namespace Signet.Dkim.Tests.Results;

/// <summary>RFC 8601 §2.2: a property value is a token or a quoted-string, and a comment quotes its parentheses and
/// backslashes. Values come from the signature, so from whoever sent the message: whatever they hold, the field stays
/// one well-formed clause.</summary>
public sealed class AuthenticationResultsValueTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("mail_1.example-2.com", "mail_1.example-2.com")]
    [InlineData("abc+DEF", "abc+DEF")]
    [InlineData("ab/cd=ef", "\"ab/cd=ef\"")]
    [InlineData("x;dkim=pass", "\"x;dkim=pass\"")]
    [InlineData("sp ace", "\"sp ace\"")]
    [InlineData("q\"uote\\", "\"q\\\"uote\\\\\"")]
    [InlineData("exämple", "\"exämple\"")]
    public void Clause_PropertyValue_IsATokenOrQuoted(string value, string written)
    {
        string clause = AuthenticationResultsWriter.FormatClause(Reported(value, failure: null));

        Assert.Contains($" header.d={written} ", clause, StringComparison.Ordinal);
        Assert.EndsWith($" header.b={written}", clause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no key for s1._domainkey.example.com", "no key for s1._domainkey.example.com")]
    [InlineData("a (nested) comment\\", "a \\(nested\\) comment\\\\")]
    [InlineData("line\r\nbreak", "line  break")]
    public void Clause_Comment_QuotesParenthesesAndBackslashes_AndHasNoLineBreak(string reason, string written)
    {
        string clause = AuthenticationResultsWriter.FormatClause(Reported("example.com", new DkimFailure(DkimFailureReason.KeyNotFound, reason)));

        Assert.StartsWith($"dkim=fail ({written}) header.d=example.com", clause, StringComparison.Ordinal);
    }

    private static DkimReportedSignature Reported(string value, DkimFailure? failure) => new(
        new DkimSignatureResult
        {
            Status = failure is null ? DkimResultStatus.Pass : DkimResultStatus.Fail,
            Failure = failure,
            Identity = new DkimSignatureIdentity(value, "s1", "rsa-sha256", value),
        },
        Aligned: null,
        AlignmentNote: null);
}
