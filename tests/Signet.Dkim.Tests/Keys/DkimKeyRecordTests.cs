using System.Security.Cryptography;
using System.Text;
using Signet.Dkim.Keys;
using Signet.Dkim.Verification;
using Signet.Testing;

namespace Signet.Dkim.Tests.Keys;

public class DkimKeyRecordTests
{
    private const string Ed25519Record = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    [Theory]
    [InlineData("v=DKIM1; p=AAAA", "DKIM1", DkimKeyType.Rsa, null, "*", false, false)]
    [InlineData("p=AAAA", null, DkimKeyType.Rsa, null, "*", false, false)]
    [InlineData("v=DKIM1; k=ed25519; p=AAAA", "DKIM1", DkimKeyType.Ed25519, null, "*", false, false)]
    [InlineData("v=DKIM1; h=sha1 : sha256; k=rsa; p=AAAA", "DKIM1", DkimKeyType.Rsa, "sha1,sha256", "*", false, false)]
    [InlineData("v=DKIM1; s=email; t=y; p=AAAA", "DKIM1", DkimKeyType.Rsa, null, "email", true, false)]
    [InlineData("v=DKIM1; t=s:y; s=email:*; p=AAAA", "DKIM1", DkimKeyType.Rsa, null, "email,*", true, true)]
    [InlineData("v=DKIM1; t=x-future; p=AAAA", "DKIM1", DkimKeyType.Rsa, null, "*", false, false)]
    [InlineData("v=DKIM1; p=AAAA; future=1; g=*", "DKIM1", DkimKeyType.Rsa, null, "*", false, false)]
    public void TryParse_ValidRecord_ReadsEveryTag(
        string text, string? version, DkimKeyType keyType, string? hashes, string services, bool testing, bool strict)
    {
        Assert.True(DkimKeyRecord.TryParse(Encoding.ASCII.GetBytes(text), out var record, out _));
        Assert.Equal(version, record.Version);
        Assert.Equal(keyType, record.KeyType);
        Assert.Equal(hashes, record.AcceptableHashAlgorithms is null ? null : string.Join(',', record.AcceptableHashAlgorithms));
        Assert.Equal(services, string.Join(',', record.ServiceTypes));
        Assert.Equal(testing, record.IsTesting);
        Assert.Equal(strict, record.IsStrict);
        Assert.Equal([0, 0, 0], record.PublicKeyData);
    }

    [Theory]
    [InlineData("v=DKIM2; p=AAAA", "v=DKIM2")]
    [InlineData("k=rsa; v=DKIM1; p=AAAA", "v= must be the first tag")]
    [InlineData("v=DKIM1; k=dsa; p=AAAA", "k=dsa is not a key type")]
    [InlineData("v=DKIM1; k=rsa", "no p= tag")]
    [InlineData("v=DKIM1; p=AB!C", "'!', which is not a base64 character")]
    [InlineData("v=DKIM1; p=ABCDE", "not complete base64")]
    [InlineData("v=DKIM1; p=A=BC", "'=' padding in the wrong place")]
    [InlineData("v=DKIM1; p=AAAA; p=AAAA", "tag p= appears twice")]
    [InlineData("v=DKIM1; h=sha256:; p=AAAA", "h= has an empty element")]
    [InlineData("v=DKIM1; s=-mail; p=AAAA", "s= has \"-mail\"")]
    [InlineData("v=DKIM1; t=y:; p=AAAA", "t= has an empty element")]
    [InlineData("v=DKIM1; p", "not a valid tag list")]
    public void TryParse_Malformed_FailsWithKeySyntaxNamingTheProblem(string text, string expected)
    {
        Assert.False(DkimKeyRecord.TryParse(Encoding.ASCII.GetBytes(text), out _, out var failure));
        Assert.Equal(DkimFailureReason.KeySyntax, failure.Reason);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void TryParse_FoldingWhitespaceInsideP_DecodesTheSameKey()
    {
        string record = TestKeys.RfcRecords["test._domainkey.football.example.com."];
        int p = record.IndexOf("p=", StringComparison.Ordinal) + 2;
        string folded = record[..p] + " " + string.Join("\r\n\t ", record[p..].Chunk(20).Select(c => new string(c))) + " ";

        Assert.True(DkimKeyRecord.TryParse(Encoding.ASCII.GetBytes(record), out var plain, out _));
        Assert.True(DkimKeyRecord.TryParse(Encoding.ASCII.GetBytes(folded), out var parsed, out _));
        Assert.Equal(plain.PublicKeyData, parsed.PublicKeyData);
        Assert.True(parsed.TryGetPublicKey(out _, out _));
    }

    [Theory]
    [InlineData("brisbane._domainkey.example.com.", DkimKeyType.Rsa, 1024)]
    [InlineData("test._domainkey.football.example.com.", DkimKeyType.Rsa, 1024)]
    [InlineData("brisbane._domainkey.football.example.com.", DkimKeyType.Ed25519, 256)]
    public void TryGetPublicKey_RfcRecords_GivesKeyOfTheirType(string name, DkimKeyType type, int bits)
    {
        Assert.True(DkimKeyRecord.TryParse(Encoding.ASCII.GetBytes(TestKeys.RfcRecords[name]), out var record, out _));
        Assert.True(record.TryGetPublicKey(out var key, out _));
        Assert.Equal(type, key.KeyType);
        Assert.Equal(bits, key.KeySizeBits);
        Assert.Equal(record.PublicKeyData, key.ExportRecordData());
    }

    [Fact]
    public void TryGetPublicKey_Pkcs1RsaPublicKeyInP_IsAcceptedAsTheSameKey()
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(TestKeys.Rsa2048.PublicKey.ExportRecordData(), out _);
        var record = new DkimKeyRecord { PublicKeyData = rsa.ExportRSAPublicKey() };

        Assert.True(record.TryGetPublicKey(out var key, out _));
        Assert.Equal(TestKeys.Rsa2048.PublicKey.ExportRecordData(), key.ExportRecordData());
    }

    [Theory]
    [InlineData("revoked", DkimFailureReason.KeyRevoked, "revoked")]
    [InlineData("rsa512", DkimFailureReason.KeyTooShort, "only 512 bits")]
    [InlineData("rsaTruncated", DkimFailureReason.KeySyntax, "p= does not hold an RSA public key (the record may be truncated)")]
    [InlineData("rsaGarbage", DkimFailureReason.KeySyntax, "does not hold an RSA public key")]
    [InlineData("ed25519Short", DkimFailureReason.KeySyntax, "p= holds 31 bytes, but an Ed25519 public key is 32 raw bytes")]
    [InlineData("ed25519Spki", DkimFailureReason.KeySyntax, "looks like a SubjectPublicKeyInfo")]
    [InlineData("ed25519InRsaRecord", DkimFailureReason.KeySyntax, "does not hold an RSA public key")]
    public void TryGetPublicKey_UnusableP_FailsWithReason(string name, DkimFailureReason reason, string expected)
    {
        byte[] ed25519 = TestKeys.Ed25519.PublicKey.ExportRecordData();
        byte[] rsa = TestKeys.Rsa2048.PublicKey.ExportRecordData();
        var record = name switch
        {
            "revoked" => new DkimKeyRecord(),
            "rsa512" => new DkimKeyRecord { PublicKeyData = TestKeys.Rsa512SubjectPublicKeyInfo },
            "rsaTruncated" => new DkimKeyRecord { PublicKeyData = rsa[..180] },
            "rsaGarbage" => new DkimKeyRecord { PublicKeyData = [1, 2, 3, 4, 5, 6] },
            "ed25519Short" => new DkimKeyRecord { KeyType = DkimKeyType.Ed25519, PublicKeyData = ed25519[..31] },
            "ed25519Spki" => new DkimKeyRecord { KeyType = DkimKeyType.Ed25519, PublicKeyData = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00, .. ed25519] },
            "ed25519InRsaRecord" => new DkimKeyRecord { PublicKeyData = ed25519 },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        Assert.False(record.TryGetPublicKey(out _, out var failure));
        Assert.Equal(reason, failure.Reason);
        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("rsa1024", false, "v=DKIM1; k=rsa; p=")]
    [InlineData("rsa2048", true, "v=DKIM1; k=rsa; t=y; p=")]
    [InlineData("ed25519", false, "v=DKIM1; k=ed25519; p=")]
    public void Format_ThenTryParse_GivesBackTheSameKey(string keyName, bool testing, string expectedStart)
    {
        var key = TestKeys.Named(keyName).PublicKey;
        string text = DkimKeyRecord.Format(key, testing);

        Assert.StartsWith(expectedStart, text);
        Assert.True(DkimKeyRecord.TryParse(Encoding.ASCII.GetBytes(text), out var record, out _));
        Assert.Equal(testing, record.IsTesting);
        Assert.Equal(key.KeyType, record.KeyType);
        Assert.True(record.TryGetPublicKey(out var parsed, out _));
        Assert.Equal(key.ExportRecordData(), parsed.ExportRecordData());
    }

    [Fact]
    public void Format_Ed25519_WritesTheRaw32ByteKey()
    {
        Assert.True(DkimKeyRecord.TryParse(Encoding.ASCII.GetBytes(Ed25519Record), out var record, out _));
        Assert.True(record.TryGetPublicKey(out var key, out _));

        Assert.Equal(Ed25519Record, DkimKeyRecord.Format(key));
    }
}
