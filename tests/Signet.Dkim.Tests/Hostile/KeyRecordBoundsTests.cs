using System.Text;
using Signet.Dkim.Keys;
using Signet.Dkim.Lookup;
using Signet.Dkim.Verification;
using Signet.Testing;
using static Signet.Dkim.Tests.Hostile.HostileMessages;

namespace Signet.Dkim.Tests.Hostile;

/// <summary>Key records larger than DNS usually carries, and answers split into many strings.</summary>
public class KeyRecordBoundsTests
{
    private static string RealRecord => DkimKeyRecord.Format(TestKeys.Rsa2048.PublicKey);

    [Fact]
    public async Task Verify_SixtyFourKilobyteRecordWithLongNotes_Passes()
    {
        string record = $"v=DKIM1; n={new string('x', 65_536)}; {RealRecord[("v=DKIM1; ".Length)..]}";
        var keys = new InMemoryTxtSource().Add("s1._domainkey.example.com", record);
        byte[] message = SignWithS1(With([]));

        var result = Assert.Single(await VerifyTimed(message, keys));

        Assert.Equal(DkimResultStatus.Pass, result.Status);
    }

    [Fact]
    public void GetPublicKey_SixtyFourKilobytesOfBase64_IsKeySyntax()
    {
        byte[] record = Encoding.ASCII.GetBytes("v=DKIM1; k=rsa; p=" + Convert.ToBase64String(new byte[49_152]));

        var failure = HangBound.Within(() =>
        {
            Assert.True(DkimKeyRecord.TryParse(record, out var parsed, out var parseFailure), parseFailure?.Message);
            return parsed.TryGetPublicKey(out _, out var keyFailure) ? null : keyFailure;
        });

        Assert.Equal(DkimFailureReason.KeySyntax, failure!.Reason);
    }

    [Fact]
    public void Parse_SixtyFourKilobytesOfSemicolons_IsKeySyntaxOrRevoked()
    {
        byte[] record = Encoding.ASCII.GetBytes("v=DKIM1; " + new string(';', 65_536) + "p=");

        var parsed = HangBound.Within(() => DkimKeyRecord.TryParse(record, out var r, out _) ? r : null);

        Assert.True(parsed!.IsRevoked);
    }

    [Fact]
    public void Join_FiftyTxtStrings_IsTheRecordTheyMakeUp()
    {
        byte[] whole = Encoding.ASCII.GetBytes(RealRecord);
        var strings = Enumerable.Range(0, 50).Select(i => whole[(whole.Length * i / 50)..(whole.Length * (i + 1) / 50)]).ToList();

        Assert.True(DkimKeyRecord.TryParse(new TxtRecord(strings).Join(), out var record, out var failure), failure?.Message);
        Assert.True(record.TryGetPublicKey(out var key, out failure), failure?.Message);
        Assert.Equal(2048, key.KeySizeBits);
    }
}
