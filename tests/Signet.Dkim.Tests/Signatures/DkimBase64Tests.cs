using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Signet.Dkim.Signatures;

namespace Signet.Dkim.Tests.Signatures;

public class DkimBase64Tests
{
    [Theory]
    [InlineData("", true)]
    [InlineData(" \t\r\n ", true)]
    [InlineData("QQ==", true)]
    [InlineData("Q Q = =", true)]
    [InlineData("QQ=\r\n\t=", true)]
    [InlineData("\r\n QUJD", true)]
    [InlineData("QUJD\r\n ", true)]
    [InlineData("QUJ", false)]
    [InlineData("QQ=", false)]
    [InlineData("Q===", false)]
    [InlineData("====", false)]
    [InlineData("QQ==QQ==", false)]
    [InlineData("QU=D", false)]
    [InlineData("QU\u000BJD", false)]
    [InlineData("QU\u000CJD", false)]
    [InlineData("QU\0JD", false)]
    [InlineData("QU-_", false)]
    [InlineData("QU\u00C4JD", false)]
    public void TryDecode_HostileValue_AgreesWithStrippingThenDecoding(string value, bool valid)
    {
        byte[] bytes = Encoding.Latin1.GetBytes(value);

        bool decodedOk = DkimBase64.TryDecode(bytes, out byte[] decoded);

        Assert.Equal(valid, decodedOk);
        Assert.Equal(Reference(bytes), decodedOk ? decoded : null);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(512)]
    [InlineData(767)]
    [InlineData(768)]
    [InlineData(769)]
    [InlineData(4096)]
    public void TryDecode_FoldedValueAroundTheStackSize_GivesTheBytesBack(int byteCount)
    {
        byte[] original = new byte[byteCount];
        new Random(byteCount).NextBytes(original);
        // Folded every 70 characters, as signers fold b= (RFC 6376 §2.10).
        string text = Convert.ToBase64String(original);
        var folded = new StringBuilder();
        for (int i = 0; i < text.Length; i += 70)
        {
            folded.Append(text, i, Math.Min(70, text.Length - i)).Append("\r\n\t");
        }

        Assert.True(DkimBase64.TryDecode(Encoding.ASCII.GetBytes(folded.ToString()), out byte[] decoded));
        Assert.Equal(original, decoded);
    }

    [Fact]
    public void TryDecode_RandomValues_AgreeWithStrippingThenDecoding()
    {
        // Mostly base64 characters, padding and whitespace, with bytes no base64 holds mixed in.
        byte[] alphabet = [.. "AQgw+/=  \t\r\n"u8, 0x0B, 0x0C, 0x00, (byte)'-', 0x80];
        var random = new Random(2010);
        int valid = 0;
        for (int trial = 0; trial < 200_000; trial++)
        {
            byte[] value = new byte[random.Next(0, 24)];
            for (int i = 0; i < value.Length; i++)
            {
                value[i] = random.Next(3) == 0 ? alphabet[random.Next(alphabet.Length)] : alphabet[random.Next(7)];
            }

            bool decodedOk = DkimBase64.TryDecode(value, out byte[] decoded);
            byte[]? expected = Reference(value);
            Assert.True(expected is null ? !decodedOk : decodedOk && decoded.AsSpan().SequenceEqual(expected), $"trial {trial}: {Encoding.Latin1.GetString(value)}");
            valid += decodedOk ? 1 : 0;
        }

        // The sweep must reach both outcomes to test anything.
        Assert.InRange(valid, 1_000, 190_000);
    }

    // What RFC 6376 §2.10 says to do: delete the folding whitespace, then decode what is left.
    private static byte[]? Reference(byte[] value)
    {
        byte[] stripped = [.. value.Where(b => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))];
        byte[] decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(stripped.Length)];
        return Base64.DecodeFromUtf8(stripped, decoded, out _, out int written) == OperationStatus.Done ? decoded[..written] : null;
    }
}
