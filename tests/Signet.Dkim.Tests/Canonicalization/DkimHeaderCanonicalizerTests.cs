using System.Buffers;
using Signet.Dkim.Canonicalization;

namespace Signet.Dkim.Tests.Canonicalization;

public class DkimHeaderCanonicalizerTests
{
    [Theory]
    // RFC 6376 §3.4.5 example.
    [InlineData("A: X\r\n", "A: X\r\n", "a:X\r\n")]
    [InlineData("B : Y\t\r\n\tZ  \r\n", "B : Y\t\r\n\tZ  \r\n", "b:Y Z\r\n")]
    // Without its line ending, with bare LFs.
    [InlineData("Subject: Hi", "Subject: Hi\r\n", "subject:Hi\r\n")]
    [InlineData("Subject: a\n b\n", "Subject: a\r\n b\r\n", "subject:a b\r\n")]
    [InlineData("Subject: a\r\n\tb", "Subject: a\r\n\tb\r\n", "subject:a b\r\n")]
    // Whitespace around the colon and in the value.
    [InlineData("X-Empty:\r\n", "X-Empty:\r\n", "x-empty:\r\n")]
    [InlineData("X-Empty: \t \r\n", "X-Empty: \t \r\n", "x-empty:\r\n")]
    [InlineData("To \t:\t a:b \r\n", "To \t:\t a:b \r\n", "to:a:b\r\n")]
    [InlineData("DKIM-Signature: v=1;  a=rsa-sha256;\r\n\tb=ab\r\n  cd\r\n", "DKIM-Signature: v=1;  a=rsa-sha256;\r\n\tb=ab\r\n  cd\r\n", "dkim-signature:v=1; a=rsa-sha256; b=ab cd\r\n")]
    // Only the name is lowercased; a lone CR is data.
    [InlineData("Subject: MiXeD \u00C4\r\n", "Subject: MiXeD \u00C4\r\n", "subject:MiXeD \u00C4\r\n")]
    [InlineData("X-A: x\ry\r\n", "X-A: x\ry\r\n", "x-a:x\ry\r\n")]
    public void Canonicalize_Field_GivesExpectedBytes(string raw, string simple, string relaxed)
    {
        Assert.Equal(TestBytes.Show(TestBytes.Ascii(simple)), Canonicalize(DkimCanonicalization.Simple, raw));
        Assert.Equal(TestBytes.Show(TestBytes.Ascii(relaxed)), Canonicalize(DkimCanonicalization.Relaxed, raw));
    }

    [Fact]
    public void Canonicalize_AppendsAfterWhatTheOutputHolds()
    {
        var output = new ArrayBufferWriter<byte>();
        DkimHeaderCanonicalizer.Canonicalize(DkimCanonicalization.Relaxed, "A: X\r\n"u8, output);
        DkimHeaderCanonicalizer.Canonicalize(DkimCanonicalization.Relaxed, "B : Y\t\r\n\tZ  \r\n"u8, output);

        Assert.Equal("a:X\\r\\nb:Y Z\\r\\n", TestBytes.Show(output.WrittenSpan));
    }

    [Fact]
    public void Canonicalize_RelaxedFieldWithoutColon_Throws()
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentException>(() => DkimHeaderCanonicalizer.Canonicalize(DkimCanonicalization.Relaxed, "no colon"u8, output));
    }

    [Theory]
    // Runs of whitespace, folds and lone CRs at either end of a value and on either side of a 16-, 32- and 64-byte
    // boundary, where a vectorized search changes blocks.
    [InlineData("X: \r\n")]
    [InlineData("X: a b \r\n")]
    [InlineData("X:  \r\n")]
    [InlineData("X: a\n\n")]
    [InlineData("X: a \n")]
    [InlineData("X: a\r\r\n")]
    [InlineData("X:a  b")]
    [InlineData("X:\r")]
    [InlineData("X: a\r")]
    [InlineData("X: \ra")]
    [InlineData("X:a\r\r\nb")]
    [InlineData("X:a\n\n\n b")]
    [InlineData("X: a \t \r\n \t b \t")]
    [InlineData("X: 0123456789abcde \t 0123456789abcdef0123456789abcde\r\n\t0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde  x\r\n")]
    [InlineData("X:\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\ta")]
    public void CanonicalizeRelaxed_HostileValue_EqualsTheByteByByteReference(string raw)
    {
        byte[] field = TestBytes.Ascii(raw);

        Assert.Equal(TestBytes.Show(ReferenceHeaderCanonicalizer.Relaxed(field)), Canonicalize(DkimCanonicalization.Relaxed, raw));
    }

    [Fact]
    public void CanonicalizeRelaxed_RandomFields_EqualTheByteByByteReference()
    {
        // Values drawn mostly from the bytes the canonicalization treats specially, at lengths up to several
        // vectors, so every path through the runs is taken many times.
        byte[] alphabet = [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', (byte)'a', (byte)'Z', (byte)';', (byte)'=', 0x00, 0x80, 0xFF];
        var random = new Random(6376);
        for (int trial = 0; trial < 20_000; trial++)
        {
            var field = new List<byte>("X-Test:"u8.ToArray());
            int length = random.Next(0, 200);
            for (int i = 0; i < length; i++)
            {
                field.Add(random.Next(4) == 0 ? (byte)random.Next(0x21, 0x7F) : alphabet[random.Next(alphabet.Length)]);
            }

            byte[] raw = [.. field];
            var output = new ArrayBufferWriter<byte>();
            DkimHeaderCanonicalizer.Canonicalize(DkimCanonicalization.Relaxed, raw, output);

            Assert.True(output.WrittenSpan.SequenceEqual(ReferenceHeaderCanonicalizer.Relaxed(raw)), $"trial {trial}: {TestBytes.Show(raw)}");
        }
    }

    private static string Canonicalize(DkimCanonicalization canonicalization, string raw)
    {
        var output = new ArrayBufferWriter<byte>();
        DkimHeaderCanonicalizer.Canonicalize(canonicalization, TestBytes.Ascii(raw), output);
        return TestBytes.Show(output.WrittenSpan);
    }
}
