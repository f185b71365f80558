using Signet.Dkim.Messages;
using Signet.Dkim.Signatures;
using Signet.Dkim.Verification;

namespace Signet.Dkim.Tests.Signatures;

public class DkimSignatureParserTests
{
    private const string Valid = "v=1; a=rsa-sha256; c=relaxed/simple; d=Example.COM; s=s1; t=100; x=200; h=from : to; bh=AAAA; b=AA AA";

    [Fact]
    public void TryParse_ValidField_ReadsEveryTag()
    {
        Assert.True(DkimSignatureParser.TryParse(Field(Valid), out var signature, out _, out _));
        Assert.Equal(DkimAlgorithm.RsaSha256, signature.Algorithm);
        Assert.Equal("example.com", signature.SigningDomain);
        Assert.Equal("s1", signature.Selector);
        Assert.Equal(["from", "to"], signature.SignedHeaders);
        Assert.Equal("@example.com", signature.AgentOrUserIdentifier);
        Assert.Equal("relaxed/simple", signature.Canonicalization.ToString());
        Assert.Equal(100, signature.Timestamp);
        Assert.Equal(200, signature.Expiration);
        Assert.Equal("s1._domainkey.example.com", signature.KeyRecordName);
    }

    [Theory]
    [InlineData("a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA", DkimFailureReason.MissingRequiredTag, "v=")]
    [InlineData("v=2; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA", DkimFailureReason.UnsupportedVersion, "v=2")]
    [InlineData("v=1; a=rsa-md5; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA", DkimFailureReason.UnsupportedAlgorithm, "rsa-md5")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=to:subject; bh=AAAA; b=AAAA", DkimFailureReason.FromNotSigned, "From")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAA", DkimFailureReason.TagSyntax, "b=")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA; i=joe@evil.example", DkimFailureReason.IdentityOutsideDomain, "i=")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA; t=200; x=100", DkimFailureReason.ExpiryBeforeTimestamp, "x=100")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA; l=ten", DkimFailureReason.TagSyntax, "l=ten")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA; c=loose", DkimFailureReason.TagSyntax, "c=loose")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA; q=http", DkimFailureReason.TagSyntax, "q=http")]
    [InlineData("v=1; v=1; a=rsa-sha256", DkimFailureReason.TagSyntax, "twice")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=from::to; bh=AAAA; b=AAAA", DkimFailureReason.TagSyntax, "empty header field name")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=from:; bh=AAAA; b=AAAA", DkimFailureReason.TagSyntax, "empty header field name")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=:from; bh=AAAA; b=AAAA", DkimFailureReason.TagSyntax, "empty header field name")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=; bh=AAAA; b=AAAA", DkimFailureReason.TagSyntax, "empty header field name")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=fromage:xfrom; bh=AAAA; b=AAAA", DkimFailureReason.FromNotSigned, "From")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA; t=+100", DkimFailureReason.TagSyntax, "t=+100")]
    [InlineData("v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA; t=9999999999999999999", DkimFailureReason.TagSyntax, "t=9999999999999999999")]
    public void TryParse_BrokenField_NamesTheProblem(string value, DkimFailureReason reason, string mentioned)
    {
        Assert.False(DkimSignatureParser.TryParse(Field(value), out _, out _, out var failure));
        Assert.Equal(reason, failure.Reason);
        Assert.Contains(mentioned, failure.Message);
    }

    [Theory]
    [InlineData("h=FROM:To", new[] { "FROM", "To" })]
    [InlineData("h= from \r\n\t: to :\r\n subject", new[] { "from", "to", "subject" })]
    [InlineData("h=from:from:from", new[] { "from", "from", "from" })]
    [InlineData("h=from:x-\u00fcber", new[] { "from", "x-\u00fcber" })]
    [InlineData("h=From:FROM:from:fRoM:Message-ID:message-id:MESSAGE-ID:Fro:Froms", new[] { "From", "FROM", "from", "fRoM", "Message-ID", "message-id", "MESSAGE-ID", "Fro", "Froms" })]
    public void TryParse_SignedHeaders_AreSplitAndTrimmed(string tag, string[] expected)
    {
        Assert.True(DkimSignatureParser.TryParse(Field("v=1; a=rsa-sha256; d=example.com; s=s1; bh=AAAA; b=AAAA; " + tag), out var signature, out _, out var failure), failure?.Message);
        Assert.Equal(expected, signature.SignedHeaders);
    }

    [Fact]
    public void TryParse_SubdomainIdentity_IsAccepted()
    {
        Assert.True(DkimSignatureParser.TryParse(Field(Valid + "; i=joe@mail.example.com"), out var signature, out _, out _));
        Assert.Equal("mail.example.com", signature.IdentifierDomain);
    }

    [Fact]
    public void TryParse_UnparseableField_StillReportsDomainAndSelector()
    {
        Assert.False(DkimSignatureParser.TryParse(Field("v=1; a=rsa-sha256; d=example.com; s=s1; h=to; bh=AAAA; b=abcdefghijkl"), out _, out var identity, out _));
        Assert.Equal("example.com", identity.SigningDomain);
        Assert.Equal("s1", identity.Selector);
        Assert.Equal("abcdefgh", identity.SignaturePrefix);
    }

    private static DkimHeaderField Field(string value) => DkimHeaderField.Create("DKIM-Signature", " " + value);
}
