using Signet.Dkim.Lookup;
using Signet.Dns;
using Signet.Testing;

namespace Signet.Dns.Tests;

public class ZoneFileTxtSourceTests
{
    /// <summary>Zone text, the name looked up, and the records expected (see <see cref="TxtRecordFormat"/>).</summary>
    public static TheoryData<string, string, string> Parses => new()
    {
        { "s1._domainkey.example.com. IN TXT \"v=DKIM1; \" \"p=AB\"", "s1._domainkey.example.com", "[v=DKIM1; ] [p=AB]" },
        { "x.example. 300 IN TXT \"ttl then class\"", "x.example", "[ttl then class]" },
        { "x.example. IN 1h30m TXT \"class then ttl\"", "x.example", "[class then ttl]" },
        { "x.example. TXT unquoted words", "x.example", "[unquoted] [words]" },
        { "x.example. TXT \"a;b\" ; the rest is a comment", "x.example", "[a;b]" },
        { "x.example. TXT \"a\\;b\\\"c\\\\d\\065\\255\"", "x.example", "[a;b\"c\\dA\\255]" },
        { "x.example. TXT a\\;b\\ c\\\"", "x.example", "[a;b c\"]" },
        { "x.example. IN TXT ( \"first\" ; comment inside\n    \"second\" )\n", "x.example", "[first] [second]" },
        { "$ORIGIN example.com.\ns1._domainkey IN TXT \"relative\"", "s1._domainkey.example.com", "[relative]" },
        { "$ORIGIN example.com.\n@ IN TXT \"apex\"", "example.com", "[apex]" },
        { "$ORIGIN com.\n$ORIGIN example\ns1 TXT \"nested origin\"", "s1.example.com", "[nested origin]" },
        { "x.example. TXT \"one\"\nx.example. TXT \"two\"", "x.example", "[one] / [two]" },
        { "x.example. TXT \"one\"\n    IN TXT \"blank owner is the previous\"", "x.example", "[one] / [blank owner is the previous]" },
        { "S1._DomainKey.Example.COM. TXT \"case\"", "s1._domainkey.example.com.", "[case]" },
        { "x.example. TXT \"crlf\"\r\ny.example. TXT \"next\"\r\n", "y.example", "[next]" },
        { "x.example. TXT \"\"", "x.example", "[]" },
        {
            "$TTL 300\nexample.com. IN SOA ns1.example.com. hostmaster.example.com. (\n  1 ; serial\n  3600 600 86400 60 )\n"
                + "example.com. IN MX 10 mail.example.com.\nmail.example.com. IN A 192.0.2.1\nmail.example.com. TXT \"kept\"",
            "mail.example.com", "[kept]"
        },
        { "x.example. CH TXT \"other class\"\nx.example. IN TXT \"internet\"", "x.example", "[internet]" },
    };

    [Theory]
    [MemberData(nameof(Parses))]
    public async Task TryParse_ZoneText_FindsTheTxtRecords(string zone, string name, string expected)
    {
        Assert.True(ZoneFileTxtSource.TryParse(zone, out var source, out string error), error);

        var result = await source.LookupTxtAsync(name, CancellationToken.None);

        Assert.Equal(TxtLookupStatus.Found, result.Status);
        Assert.Equal(expected, TxtRecordFormat.Show(result.Records));
    }

    [Theory]
    [InlineData("x.example. TXT \"ok\"\ny.example. TXT \"not closed\n", "line 2: quoted string is not closed")]
    [InlineData("x.example. TXT \"ok\" )", "line 1: ')' without '('")]
    [InlineData("\n\nx.example. TXT ( \"a\"\n\"b\"\n", "line 3: '(' is not closed")]
    [InlineData("s1._domainkey TXT \"a\"", "line 1: the relative name \"s1._domainkey\" needs a $ORIGIN before it")]
    [InlineData("x.example. TXT \"\\999\"", "line 1: \\999 is more than 255")]
    [InlineData("x.example. TXT \"\\12\"", "line 1: \\DDD needs three decimal digits")]
    [InlineData("; comment\nx.example. IN TXT", "line 2: the TXT record for x.example has no text")]
    [InlineData("x.example. 300 IN", "line 1: the record for x.example has no type")]
    [InlineData("x.example. 3x TXT \"a\"", "line 1: \"3x\" is not a TTL")]
    [InlineData("   TXT \"a\"", "line 1: the record has no owner name")]
    [InlineData("$INCLUDE other.zone", "line 1: $INCLUDE is not supported")]
    [InlineData("$ORIGIN", "line 1: $ORIGIN takes one value")]
    [InlineData("$GENERATE 1-2 x TXT y", "line 1: unknown directive $GENERATE")]
    [InlineData("x.example. TXT \\# 3 616263", "line 1: TXT data in the generic \\# form")]
    public void TryParse_Malformed_NamesTheLine(string zone, string expected)
    {
        Assert.False(ZoneFileTxtSource.TryParse(zone, out _, out string error));
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void TryParse_StringLongerThan255Bytes_SaysToSplitIt()
    {
        string zone = $"x.example. TXT \"{new string('a', 255)}\"\ny.example. TXT \"{new string('a', 256)}\"";

        Assert.False(ZoneFileTxtSource.TryParse(zone, out _, out string error));
        Assert.Equal("line 2: a TXT string of 256 bytes is longer than 255; split it in several quoted strings", error);
    }

    [Fact]
    public async Task LookupTxt_NameWithoutTxtRecords_IsNotFound()
    {
        Assert.True(ZoneFileTxtSource.TryParse("mail.example. A 192.0.2.1\nx.example. TXT \"a\"", out var source, out _));

        var result = await source.LookupTxtAsync("mail.example", CancellationToken.None);

        Assert.Equal(TxtLookupStatus.NotFound, result.Status);
        Assert.Equal("no TXT record at mail.example in the zone text", result.Detail);
        Assert.Equal(["x.example"], source.Names);
    }

    [Fact]
    public async Task TryLoad_RepositoryKeyRecords_FindsEachSelector()
    {
        Assert.True(ZoneFileTxtSource.TryLoad(RepositoryPaths.Vector("rfc", "dns.txt"), out var source, out string error), error);

        var result = await source.LookupTxtAsync("brisbane._domainkey.football.example.com", CancellationToken.None);

        Assert.Equal(3, source.Names.Count);
        Assert.Equal("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="u8.ToArray(), Assert.Single(result.Records).Join());
    }

    [Fact]
    public void TryLoad_FileWithAnError_NamesTheFileAndTheLine()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("signet-zone-").FullName, "keys.zone");
        File.WriteAllText(path, "x.example. TXT \"a\"\n\nbroken.example. TXT \"no end\n");
        try
        {
            Assert.False(ZoneFileTxtSource.TryLoad(path, out _, out string error));
            Assert.Equal($"{path}: line 3: quoted string is not closed", error);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void TryLoad_MissingFile_SaysItCannotRead()
    {
        string path = Path.Combine(Path.GetTempPath(), "signet-no-such-dir", "keys.zone");

        Assert.False(ZoneFileTxtSource.TryLoad(path, out _, out string error));
        Assert.StartsWith($"cannot read {path}", error);
    }
}
