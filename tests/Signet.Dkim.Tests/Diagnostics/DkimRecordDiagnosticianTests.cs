using System.Security.Cryptography;
using System.Text;
using Signet.Dkim.Diagnostics;
using Signet.Dkim.Keys;
using Signet.Dkim.Lookup;
using Signet.Testing;

namespace Signet.Dkim.Tests.Diagnostics;

public class DkimRecordDiagnosticianTests
{
    private const string RecordName = "s1._domainkey.example.com";

    [Theory]
    [InlineData("missing", DkimRecordFindingKind.Missing, DkimFindingSeverity.Error, "no TXT record at s1._domainkey.example.com")]
    [InlineData("noRecords", DkimRecordFindingKind.Missing, DkimFindingSeverity.Error, "the key is not published there")]
    [InlineData("temporaryFailure", DkimRecordFindingKind.DnsTemporaryFailure, DkimFindingSeverity.Error, "failed for now (SERVFAIL from 127.0.0.1)")]
    [InlineData("permanentFailure", DkimRecordFindingKind.DnsPermanentFailure, DkimFindingSeverity.Error, "failed (malformed answer)")]
    [InlineData("twoKeys", DkimRecordFindingKind.SeveralRecords, DkimFindingSeverity.Error, "there are 2 TXT records")]
    [InlineData("spf", DkimRecordFindingKind.NotADkimKey, DkimFindingSeverity.Error, "the TXT record at s1._domainkey.example.com is not a DKIM key: \"v=spf1 -all\"")]
    [InlineData("spfAndVerification", DkimRecordFindingKind.NotADkimKey, DkimFindingSeverity.Error, "none of the TXT records there is a DKIM key")]
    [InlineData("unknownKeyType", DkimRecordFindingKind.Syntax, DkimFindingSeverity.Error, "syntax error: k=dsa is not a key type")]
    [InlineData("first255Bytes", DkimRecordFindingKind.Truncated, DkimFindingSeverity.Error, "the key looks truncated: was only the first 255-byte string published?")]
    [InlineData("cutAtWholeBase64", DkimRecordFindingKind.Truncated, DkimFindingSeverity.Error, "does not hold an RSA public key")]
    [InlineData("ed25519Short", DkimRecordFindingKind.Truncated, DkimFindingSeverity.Error, "holds 24 bytes")]
    [InlineData("revoked", DkimRecordFindingKind.Revoked, DkimFindingSeverity.Error, "revoked (p= is empty)")]
    [InlineData("testing", DkimRecordFindingKind.Testing, DkimFindingSeverity.Error, "t=y is still set: receivers treat mail signed with this key as unsigned")]
    [InlineData("sha1Only", DkimRecordFindingKind.HashExcluded, DkimFindingSeverity.Error, "h=sha1 does not allow sha256")]
    [InlineData("notEmail", DkimRecordFindingKind.ServiceExcluded, DkimFindingSeverity.Error, "s=other does not include email")]
    [InlineData("rsa512", DkimRecordFindingKind.KeyTooShort, DkimFindingSeverity.Error, "only 512 bits")]
    [InlineData("rsa1024", DkimRecordFindingKind.KeyWeak, DkimFindingSeverity.Warning, "only 1024 bits")]
    [InlineData("rsa2048", DkimRecordFindingKind.KeyDescription, DkimFindingSeverity.Info, "a 2048-bit RSA key")]
    [InlineData("ed25519", DkimRecordFindingKind.KeyDescription, DkimFindingSeverity.Info, "an Ed25519 key")]
    [InlineData("strict", DkimRecordFindingKind.Strict, DkimFindingSeverity.Info, "t=s is set")]
    public void Diagnose_PublishedRecord_NamesTheFinding(string name, DkimRecordFindingKind kind, DkimFindingSeverity severity, string expected)
    {
        var diagnosis = DkimRecordDiagnostician.Diagnose(RecordName, Lookup(name), expectedKey: null);

        var finding = Assert.Single(diagnosis.Findings, f => f.Kind == kind);
        Assert.Equal(severity, finding.Severity);
        Assert.Contains(expected, finding.Message);
        Assert.Equal(diagnosis.Findings.All(f => f.Severity != DkimFindingSeverity.Error), diagnosis.IsUsable);
        Assert.Equal(severity != DkimFindingSeverity.Error, diagnosis.IsUsable);
        Assert.Null(diagnosis.MatchesExpectedKey);
    }

    [Fact]
    public void Diagnose_GoodRecord_IsUsableWithTheParsedRecord()
    {
        var diagnosis = DkimRecordDiagnostician.Diagnose(RecordName, Lookup("rsa2048"), expectedKey: null);

        Assert.True(diagnosis.IsUsable);
        Assert.NotNull(diagnosis.Record);
        Assert.Equal(TestKeys.Rsa2048.PublicKey.ExportRecordData(), diagnosis.Record.PublicKeyData);
    }

    [Theory]
    [InlineData("rsa2048", "rsa2048", true, DkimRecordFindingKind.KeyMatches, true)]
    [InlineData("rsa2048Pkcs1", "rsa2048", true, DkimRecordFindingKind.KeyMatches, true)]
    [InlineData("rsa2048", "otherRsa2048", false, DkimRecordFindingKind.KeyMismatch, false)]
    [InlineData("ed25519", "rsa2048", false, DkimRecordFindingKind.KeyTypeMismatch, false)]
    [InlineData("missing", "rsa2048", false, DkimRecordFindingKind.Missing, false)]
    [InlineData("revoked", "rsa2048", false, DkimRecordFindingKind.Revoked, false)]
    public void Diagnose_WithExpectedKey_SaysWhetherThePublishedKeyIsIt(
        string published, string expected, bool matches, DkimRecordFindingKind kind, bool usable)
    {
        var key = expected == "otherRsa2048" ? TestKeys.OtherRsa : TestKeys.Named(expected);

        var diagnosis = DkimRecordDiagnostician.Diagnose(RecordName, Lookup(published), key.PublicKey);

        Assert.Equal(matches, diagnosis.MatchesExpectedKey);
        Assert.Contains(diagnosis.Findings, f => f.Kind == kind);
        Assert.Equal(usable, diagnosis.IsUsable);
    }

    // A record cut at 255 bytes is published and wrong: saying "not found" would send the user looking elsewhere.
    [Theory]
    [InlineData("first255Bytes", "wrong: truncated", true)]
    [InlineData("cutAtWholeBase64", "wrong: truncated", true)]
    [InlineData("missing", "not found", false)]
    [InlineData("noRecords", "not found", false)]
    [InlineData("temporaryFailure", "not checked: DNS did not answer", false)]
    [InlineData("spf", "wrong: not a DKIM key", true)]
    [InlineData("revoked", "wrong: revoked", true)]
    [InlineData("testing", "wrong: test mode (t=y)", true)]
    [InlineData("rsa2048", "ok", true)]
    public void Diagnose_EachRecord_HasAVerdictThatNamesIt(string lookup, string verdict, bool found)
    {
        var diagnosis = DkimRecordDiagnostician.Diagnose("s1._domainkey.example.com", Lookup(lookup), null);

        Assert.Equal(verdict, diagnosis.Verdict);
        Assert.Equal(found, diagnosis.RecordFound);
    }

    [Fact]
    public void Diagnose_AnotherKeyPublished_IsWrongNotThisKey()
    {
        var diagnosis = DkimRecordDiagnostician.Diagnose("s1._domainkey.example.com", Lookup("rsa2048"), TestKeys.OtherRsa.PublicKey);

        Assert.Equal("wrong: not this key", diagnosis.Verdict);
    }

    private static TxtLookupResult Lookup(string name)
    {
        string rsa2048 = DkimKeyRecord.Format(TestKeys.Rsa2048.PublicKey);
        return name switch
        {
            "missing" => TxtLookupResult.NotFound("NXDOMAIN"),
            "noRecords" => TxtLookupResult.Found([]),
            "temporaryFailure" => TxtLookupResult.TemporaryFailure("SERVFAIL from 127.0.0.1"),
            "permanentFailure" => TxtLookupResult.PermanentFailure("malformed answer"),
            "twoKeys" => Found(rsa2048, DkimKeyRecord.Format(TestKeys.OtherRsa.PublicKey)),
            "spf" => Found("v=spf1 -all"),
            "spfAndVerification" => Found("v=spf1 -all", "google-site-verification=abc"),
            "unknownKeyType" => Found("v=DKIM1; k=dsa; p=AAAA"),
            "first255Bytes" => Found(rsa2048[..255]),
            "cutAtWholeBase64" => Found(rsa2048[..(18 + 200)]),
            "ed25519Short" => Found("v=DKIM1; k=ed25519; p=" + Convert.ToBase64String(new byte[24])),
            "revoked" => Found("v=DKIM1; k=rsa; p="),
            "testing" => Found(DkimKeyRecord.Format(TestKeys.Rsa2048.PublicKey, testing: true)),
            "sha1Only" => Found(rsa2048.Replace("k=rsa;", "k=rsa; h=sha1;")),
            "notEmail" => Found(rsa2048.Replace("k=rsa;", "k=rsa; s=other;")),
            "strict" => Found(rsa2048.Replace("k=rsa;", "k=rsa; t=s;")),
            "rsa512" => Found("v=DKIM1; k=rsa; p=" + Convert.ToBase64String(TestKeys.Rsa512SubjectPublicKeyInfo)),
            "rsa1024" => Found(DkimKeyRecord.Format(TestKeys.Rsa1024.PublicKey)),
            "rsa2048" => Found(rsa2048),
            "rsa2048Pkcs1" => Found("v=DKIM1; k=rsa; p=" + Convert.ToBase64String(Pkcs1(TestKeys.Rsa2048.PublicKey))),
            "ed25519" => Found(DkimKeyRecord.Format(TestKeys.Ed25519.PublicKey)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    // Each value is published as one TXT record, split into strings as a zone file would hold it.
    private static TxtLookupResult Found(params string[] values) =>
        TxtLookupResult.Found([.. values.Select(v => new TxtRecord([.. Encoding.ASCII.GetBytes(v).Chunk(255)]))]);

    private static byte[] Pkcs1(DkimPublicKey key)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(key.ExportRecordData(), out _);
        return rsa.ExportRSAPublicKey();
    }
}
