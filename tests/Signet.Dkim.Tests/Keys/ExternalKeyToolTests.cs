using Signet.Testing;
using System.Text;
using System.Text.RegularExpressions;
using Signet.Dkim.Keys;

namespace Signet.Dkim.Tests.Keys;

/// <summary>Keys as the tools people already use write them: opendkim-genkey (OpenDKIM) and dknewkey (dkimpy).</summary>
[Trait("Tier", "Integration")]
public class ExternalKeyToolTests
{
    private const string OpenDkimGenkey = "/usr/sbin/opendkim-genkey";
    private const string Dknewkey = "/usr/bin/dknewkey";

    [Theory]
    [InlineData("1024")]
    [InlineData("2048")]
    public void TryRead_OpenDkimGenkeyKey_MatchesTheRecordItWrote(string bits)
    {
        using var directory = new TemporaryDirectory();
        ExternalTool.Run(OpenDkimGenkey, "opendkim-tools", directory.Path, "-b", bits, "-s", "sel", "-d", "example.com");

        // opendkim-genkey writes a zone-file line: sel._domainkey IN TXT ( "v=DKIM1; h=sha256; k=rsa; " "p=…" ) ; comment
        string zoneLine = File.ReadAllText(directory.File("sel.txt"));
        string record = string.Concat(Regex.Matches(zoneLine[..zoneLine.IndexOf(')', StringComparison.Ordinal)], "\"([^\"]*)\"").Select(m => m.Groups[1].Value));
        AssertKeyMatchesRecord(File.ReadAllBytes(directory.File("sel.private")), record, int.Parse(bits));
    }

    [Theory]
    [InlineData("rsa", 2048)]
    [InlineData("ed25519", 256)]
    public void TryRead_DknewkeyKey_MatchesTheRecordItWrote(string type, int bits)
    {
        using var directory = new TemporaryDirectory();
        ExternalTool.Run(Dknewkey, "python3-dkim", directory.Path, "--ktype", type, "sel");

        AssertKeyMatchesRecord(File.ReadAllBytes(directory.File("sel.key")), File.ReadAllText(directory.File("sel.dns")), bits);
    }

    private static void AssertKeyMatchesRecord(byte[] privateKeyFile, string record, int bits)
    {
        Assert.True(DkimPrivateKeyReader.TryRead(privateKeyFile, out var key, out string error), error);
        using (key)
        {
            Assert.True(DkimKeyRecord.TryParse(Encoding.ASCII.GetBytes(record), out var parsed, out var failure), failure?.Message);
            Assert.True(parsed.TryGetPublicKey(out var published, out failure), failure?.Message);
            Assert.Equal(bits, key.KeySizeBits);
            Assert.Equal(published.ExportRecordData(), key.PublicKey.ExportRecordData());

            byte[] hash = System.Security.Cryptography.SHA256.HashData("header data"u8);
            Assert.True(published.VerifyHash(hash, key.SignHash(hash)));
        }
    }
}
