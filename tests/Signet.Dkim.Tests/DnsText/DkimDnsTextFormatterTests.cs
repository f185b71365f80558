using System.Text;
using System.Text.Json;
using Signet.Dkim.DnsText;
using Signet.Dkim.Keys;
using Signet.Testing;

namespace Signet.Dkim.Tests.DnsText;

public class DkimDnsTextFormatterTests
{
    private const string RecordName = "s1._domainkey.example.com";

    [Theory]
    [InlineData("rsa1024", 1)]
    [InlineData("rsa2048", 2)]
    [InlineData("rsa4096", 3)]
    [InlineData("ed25519", 1)]
    public void Split_KeyRecord_StringsOfAtMost255BytesJoinToTheValue(string keyName, int expectedStrings)
    {
        string value = DkimKeyRecord.Format(TestKeys.Named(keyName).PublicKey);

        var strings = DkimDnsTextFormatter.Split(value);

        Assert.Equal(expectedStrings, strings.Count);
        Assert.All(strings, s => Assert.InRange(Encoding.UTF8.GetByteCount(s), 1, 255));
        Assert.All(strings.SkipLast(1), s => Assert.Equal(255, s.Length));
        Assert.Equal(value, string.Concat(strings));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(255, 1)]
    [InlineData(256, 2)]
    [InlineData(510, 2)]
    [InlineData(511, 3)]
    public void Split_AsciiValue_CutsEvery255Bytes(int length, int expectedStrings)
    {
        string value = new('p', length);

        var strings = DkimDnsTextFormatter.Split(value);

        Assert.Equal(expectedStrings, strings.Count);
        Assert.Equal(value, string.Concat(strings));
    }

    [Fact]
    public void Split_NonAsciiNotes_NeverCutsInsideACharacter()
    {
        string value = "v=DKIM1; n=" + new string('é', 200) + "; p=AAAA";

        var strings = DkimDnsTextFormatter.Split(value);

        Assert.All(strings, s => Assert.InRange(Encoding.UTF8.GetByteCount(s), 1, 255));
        Assert.Equal(Encoding.UTF8.GetBytes(value), Encoding.UTF8.GetBytes(string.Concat(strings)));
    }

    [Fact]
    public void Format_Value_IsTheValueUnchanged()
    {
        string value = DkimKeyRecord.Format(TestKeys.Rsa2048.PublicKey);

        Assert.Equal(value, DkimDnsTextFormatter.Format(RecordName, value, DkimDnsTextFormat.Value));
    }

    [Theory]
    [InlineData(DkimDnsTextFormat.Quoted, "\"v=DKIM1; n=say \\\"hi\\\" \\\\o/; p=AAAA\"")]
    [InlineData(DkimDnsTextFormat.Escaped, "\"v=DKIM1\\; n=say \\\"hi\\\" \\\\o/\\; p=AAAA\"")]
    [InlineData(DkimDnsTextFormat.Zone, "s1._domainkey.example.com. 300 IN TXT \"v=DKIM1; n=say \\\"hi\\\" \\\\o/; p=AAAA\"")]
    public void Format_ShortValue_QuotesAndEscapesAsPresentationFormat(DkimDnsTextFormat format, string expected)
    {
        Assert.Equal(expected, DkimDnsTextFormatter.Format(RecordName, "v=DKIM1; n=say \"hi\" \\o/; p=AAAA", format, ttl: 300));
    }

    [Theory]
    [InlineData(DkimDnsTextFormat.Quoted)]
    [InlineData(DkimDnsTextFormat.Escaped)]
    public void Format_LongValue_WritesOneQuotedStringPerPieceSeparatedBySpace(DkimDnsTextFormat format)
    {
        string value = DkimKeyRecord.Format(TestKeys.Rsa2048.PublicKey);

        string text = DkimDnsTextFormatter.Format(RecordName, value, format);

        var strings = DkimDnsTextFormatter.Split(value);
        Assert.Equal(string.Join(' ', strings.Select(s => "\"" + (format == DkimDnsTextFormat.Escaped ? s.Replace(";", "\\;") : s) + "\"")), text);
    }

    [Fact]
    public void Format_Json_HoldsNameTypeTtlValueAndStrings()
    {
        string value = DkimKeyRecord.Format(TestKeys.Rsa2048.PublicKey);

        string json = DkimDnsTextFormatter.Format(RecordName + ".", value, DkimDnsTextFormat.Json, ttl: 600);

        Assert.StartsWith("{\"name\":\"s1._domainkey.example.com\",\"type\":\"TXT\",\"ttl\":600,\"value\":\"v=DKIM1; k=rsa; p=MII", json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(value, root.GetProperty("value").GetString());
        Assert.Equal(value, string.Concat(root.GetProperty("strings").EnumerateArray().Select(s => s.GetString())));
        Assert.Equal(2, root.GetProperty("strings").GetArrayLength());
    }

    [Fact]
    public void Format_NegativeTtl_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DkimDnsTextFormatter.Format(RecordName, "p=", DkimDnsTextFormat.Zone, -1));
    }
}
