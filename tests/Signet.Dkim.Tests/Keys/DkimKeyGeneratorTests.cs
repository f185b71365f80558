using System.Text;
using Signet.Dkim.Keys;

namespace Signet.Dkim.Tests.Keys;

public class DkimKeyGeneratorTests
{
    [Theory]
    [InlineData(DkimKeyType.Rsa, 1024, 1024)]
    [InlineData(DkimKeyType.Rsa, 2048, 2048)]
    [InlineData(DkimKeyType.Ed25519, 2048, 256)]
    public void Generate_ExportPkcs8Pem_ReadsBackAsTheSameKey(DkimKeyType type, int rsaBits, int expectedBits)
    {
        using var key = DkimKeyGenerator.Generate(type, rsaBits);

        Assert.True(DkimPrivateKeyReader.TryRead(Encoding.ASCII.GetBytes(key.ExportPkcs8Pem()), out var read, out string error), error);
        using (read)
        {
            Assert.Equal(type, read.KeyType);
            Assert.Equal(expectedBits, read.KeySizeBits);
            Assert.Equal(key.PublicKey.ExportRecordData(), read.PublicKey.ExportRecordData());
        }
    }

    [Fact]
    public void Generate_Rsa_DefaultsTo2048Bits()
    {
        using var key = DkimKeyGenerator.Generate(DkimKeyType.Rsa);

        Assert.Equal(2048, key.KeySizeBits);
    }

    [Theory]
    [InlineData(512)]
    [InlineData(1016)]
    [InlineData(2049)]
    [InlineData(4104)]
    [InlineData(8192)]
    public void Generate_RsaBitsOutsideRange_ThrowsWithTheRange(int bits)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => DkimKeyGenerator.Generate(DkimKeyType.Rsa, bits));

        Assert.Contains("from 1024 to 4096", exception.Message);
    }
}
