using Signet.Dkim.Canonicalization;
using Signet.Dkim.Messages;
using Signet.Dkim.Signatures;

namespace Signet.Dkim.Tests.Signatures;

public class DkimSignatureWriterTests
{
    [Fact]
    public void Write_LongSignature_FoldsEveryLineTo78CharactersAndParsesBack()
    {
        var parameters = new DkimSignatureParameters
        {
            Algorithm = DkimAlgorithm.RsaSha256,
            Canonicalization = DkimCanonicalizationPair.RelaxedRelaxed,
            SigningDomain = "a-rather-long-subdomain.mail.example.com",
            Selector = "selector2026",
            Timestamp = 1_800_000_000,
            Expiration = 1_800_604_800,
            SignedHeaders = Enumerable.Repeat("list-unsubscribe-post", 12).Prepend("from").ToList(),
            BodyHash = new byte[32],
        };
        string field = DkimSignatureWriter.AppendSignature(DkimSignatureWriter.WriteUnsigned(parameters), new byte[512]);

        Assert.All(field.Split("\r\n"), line => Assert.True(line.Length <= 78, $"line of {line.Length}: {line}"));
        Assert.True(DkimSignatureParser.TryParse(new DkimHeaderField(System.Text.Encoding.ASCII.GetBytes(field)), out var parsed, out _, out var failure), failure?.Message);
        Assert.Equal(13, parsed.SignedHeaders.Count);
        Assert.Equal(512, parsed.SignatureData.Length);
        Assert.Null(parsed.BodyLength);
    }
}
