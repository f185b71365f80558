using System.Text;
using Signet.Dkim.Keys;
using Signet.Dkim.Messages;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Testing;

namespace Signet.Dns.Tests.Hostile;

/// <summary>Zone files and DNS answers larger or stranger than real ones: a key split over 50 strings or 50 records,
/// and zone text built to make the tokenizer slow. The time bound is a hang detector, not a speed test.</summary>
public class ZoneFileBoundsTests
{
    [Fact]
    public async Task Verify_KeyRecordInFiftyTxtStrings_Passes()
    {
        byte[] record = Encoding.ASCII.GetBytes(DkimKeyRecord.Format(TestKeys.Rsa2048.PublicKey));
        var strings = Enumerable.Range(0, 50).Select(i => Quoted(record[(record.Length * i / 50)..(record.Length * (i + 1) / 50)]));
        string zone = $"s1._domainkey.example.com. IN TXT ( {string.Join("\n  ", strings)} )\n";

        var result = await VerifySignedSimple(zone);

        Assert.Equal(DkimResultStatus.Pass, result.Status);
    }

    [Fact]
    public async Task Verify_FiftyTxtRecordsOneOfThemTheKey_Passes()
    {
        // RFC 6376 §3.6.2.2 leaves several records undefined; Signet takes the first that is a key record.
        string others = string.Concat(Enumerable.Range(0, 49).Select(i => $"s1._domainkey.example.com. IN TXT \"not a key {i}\"\n"));
        byte[] record = Encoding.ASCII.GetBytes(DkimKeyRecord.Format(TestKeys.Rsa2048.PublicKey));
        string zone = others + $"s1._domainkey.example.com. IN TXT {string.Join(' ', record.Chunk(200).Select(Quoted))}\n";

        var result = await VerifySignedSimple(zone);

        Assert.Equal(DkimResultStatus.Pass, result.Status);
    }

    [Fact]
    public void TryParse_HundredThousandOpenParentheses_FailsNamingTheLine()
    {
        string zone = "x.example. TXT " + new string('(', 100_000) + " \"a\"\n";

        var (parsed, error) = Timed(() => (ZoneFileTxtSource.TryParse(zone, out _, out string e), e));

        Assert.False(parsed);
        Assert.Contains("line 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryParse_HundredThousandStringsInOneRecord_KeepsThemAll()
    {
        string zone = "x.example. TXT (" + string.Concat(Enumerable.Repeat(" \"ab\"\n", 100_000)) + ")\n";

        var source = Timed(() => ZoneFileTxtSource.TryParse(zone, out var s, out _) ? s : null);

        var lookup = await source!.LookupTxtAsync("x.example", CancellationToken.None);
        Assert.Equal(100_000, Assert.Single(lookup.Records).Strings.Count);
    }

    [Fact]
    public void TryParse_HundredThousandRecords_KeepsThemAll()
    {
        string zone = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"n{i}.example. TXT \"v\"\n"));

        var source = Timed(() => ZoneFileTxtSource.TryParse(zone, out var s, out _) ? s : null);

        Assert.Equal(100_000, source!.Names.Count);
    }

    [Fact]
    public void TryParse_OneMegabyteUnterminatedQuote_FailsNamingTheLine()
    {
        string zone = "x.example. TXT \"" + new string('a', 1 << 20);

        var (parsed, error) = Timed(() => (ZoneFileTxtSource.TryParse(zone, out _, out string e), e));

        Assert.False(parsed);
        Assert.Contains("line 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryParse_HundredThousandEscapes_DecodesThem()
    {
        // 400 strings of 250 escapes each: a TXT string holds at most 255 bytes.
        string strings = string.Join(' ', Enumerable.Repeat("\"" + string.Concat(Enumerable.Repeat("\\065", 250)) + "\"", 400));
        string zone = $"x.example. TXT {strings}\n";

        var source = Timed(() => ZoneFileTxtSource.TryParse(zone, out var s, out _) ? s : null);

        var lookup = await source!.LookupTxtAsync("x.example", CancellationToken.None);
        Assert.Equal(new string('A', 100_000), Encoding.ASCII.GetString(Assert.Single(lookup.Records).Join()));
    }

    [Fact]
    public void TryParse_HundredThousandNestedRelativeOrigins_FailsOnceTheNameIsTooLong()
    {
        // Each relative $ORIGIN is appended to the one before: the origin would grow without end.
        string zone = "$ORIGIN a.\n" + string.Concat(Enumerable.Repeat("$ORIGIN a\n", 100_000)) + "x TXT \"v\"\n";

        var (parsed, error) = Timed(() => (ZoneFileTxtSource.TryParse(zone, out _, out string e), e));

        Assert.False(parsed);
        Assert.Contains("255", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(253, true)]
    [InlineData(254, false)]
    public void TryParse_OwnerNameLength_AcceptsUpTo253Characters(int length, bool accepted)
    {
        string name = string.Concat(Enumerable.Repeat("a.", 200))[..(length - 1)] + "b";

        Assert.Equal(accepted, ZoneFileTxtSource.TryParse($"{name}. TXT \"v\"\n", out _, out string error));
        Assert.True(accepted || error.Contains("255", StringComparison.Ordinal), error);
    }

    [Fact]
    public void TryParse_NulAndInvalidUtf8InText_KeepsTheBytesAsTheyDecode()
    {
        string zone = "x.example. TXT \"a\0b\uFFFDc\"\n";

        Assert.True(ZoneFileTxtSource.TryParse(zone, out var source, out string error), error);
        Assert.Single(source.Names);
    }

    private static async Task<DkimSignatureResult> VerifySignedSimple(string zone)
    {
        Assert.True(ZoneFileTxtSource.TryParse(zone, out var keys, out string error), error);
        Assert.True(DkimSigner.TryCreate([new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1")], null, out var signer, out error), error);
        var (header, body) = TestMessages.Split(TestMessages.Simple);
        byte[] signed = TestMessages.Prepend(signer.Sign(header, body), Encoding.ASCII.GetBytes(TestMessages.Simple));
        var (signedHeader, signedBody) = TestMessages.Split(signed);
        var results = await HangBound.WithinAsync(() => new DkimVerifier(keys).VerifyAsync(signedHeader, signedBody).AsTask());
        return Assert.Single(results);
    }

    private static T Timed<T>(Func<T> action) => HangBound.Within(action);

    private static string Quoted(byte[] chunk) => "\"" + Encoding.ASCII.GetString(chunk).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
