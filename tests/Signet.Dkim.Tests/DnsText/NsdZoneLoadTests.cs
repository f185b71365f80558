using Signet.Testing;
using System.Text;
using System.Text.RegularExpressions;
using Signet.Dkim.DnsText;
using Signet.Dkim.Keys;
using Signet.Dkim.Tests.Keys;

namespace Signet.Dkim.Tests.DnsText;

/// <summary>Loads the formatter's zone-file text into nsd, an authoritative server people run, and checks that the
/// record it serves is byte for byte the value we formatted.</summary>
[Trait("Tier", "Integration")]
public partial class NsdZoneLoadTests
{
    private const string NsdCheckzone = "/usr/sbin/nsd-checkzone";
    private const string RecordName = "s1._domainkey.example.com";

    [Theory]
    [InlineData("rsa1024", DkimDnsTextFormat.Zone)]
    [InlineData("rsa2048", DkimDnsTextFormat.Zone)]
    [InlineData("rsa4096", DkimDnsTextFormat.Zone)]
    [InlineData("ed25519", DkimDnsTextFormat.Zone)]
    [InlineData("rsa2048", DkimDnsTextFormat.Quoted)]
    [InlineData("rsa4096", DkimDnsTextFormat.Escaped)]
    public void NsdCheckzone_FormattedRecord_LoadsAsTheSameValue(string keyName, DkimDnsTextFormat format)
    {
        string value = DkimKeyRecord.Format(TestKeys.Named(keyName).PublicKey, testing: keyName == "rsa1024");
        string text = DkimDnsTextFormatter.Format(RecordName, value, format);
        string line = format == DkimDnsTextFormat.Zone ? text : $"{RecordName}. 3600 IN TXT {text}";

        var strings = LoadTxtStrings(line);

        Assert.All(strings, s => Assert.InRange(s.Length, 1, 255));
        Assert.Equal(Encoding.ASCII.GetBytes(value), strings.SelectMany(s => s).ToArray());
    }

    private static List<byte[]> LoadTxtStrings(string recordLine)
    {
        using var directory = new TemporaryDirectory();
        string zone = directory.File("example.com.zone");
        File.WriteAllText(zone, $"""
            $ORIGIN example.com.
            @ 3600 IN SOA ns.example.com. hostmaster.example.com. 1 3600 600 86400 60
            @ 3600 IN NS ns.example.com.
            {recordLine}

            """);

        string printed = ExternalTool.Run(NsdCheckzone, "nsd", directory.Path, "-p", "example.com", zone);
        string txt = printed.Split('\n').Single(l => l.Contains("\tTXT\t", StringComparison.Ordinal));
        return [.. CharacterString().Matches(txt[txt.IndexOf('"', StringComparison.Ordinal)..]).Select(m => Unescape(m.Groups[1].Value))];
    }

    // RFC 1035 §5.1: \DDD is a byte in decimal, \X is X.
    private static byte[] Unescape(string quoted)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] != '\\')
            {
                bytes.Add((byte)quoted[i]);
            }
            else if (char.IsAsciiDigit(quoted[i + 1]))
            {
                bytes.Add(byte.Parse(quoted.AsSpan(i + 1, 3)));
                i += 3;
            }
            else
            {
                bytes.Add((byte)quoted[++i]);
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex CharacterString();
}
