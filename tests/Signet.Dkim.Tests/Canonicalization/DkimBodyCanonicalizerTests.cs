using System.Buffers;
using Signet.Dkim.Canonicalization;

namespace Signet.Dkim.Tests.Canonicalization;

public class DkimBodyCanonicalizerTests
{
    public static TheoryData<string, DkimCanonicalization, int> Cases => BodyCanonicalizationCases.All;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Canonicalize_Case_GivesExpectedBytesInAnyChunking(string name, DkimCanonicalization canonicalization, int chunkSize)
    {
        var (input, expected) = BodyCanonicalizationCases.Get(name, canonicalization);

        byte[] actual = Canonicalize(canonicalization, input, chunkSize);

        Assert.Equal(TestBytes.Show(expected), TestBytes.Show(actual));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReferenceCanonicalizer_Case_AgreesWithTable(string name, DkimCanonicalization canonicalization, int chunkSize)
    {
        _ = chunkSize;
        var (input, expected) = BodyCanonicalizationCases.Get(name, canonicalization);

        Assert.Equal(TestBytes.Show(expected), TestBytes.Show(ReferenceBodyCanonicalizer.Canonicalize(canonicalization, input)));
    }

    [Theory]
    [InlineData(DkimCanonicalization.Simple)]
    [InlineData(DkimCanonicalization.Relaxed)]
    public void Canonicalize_RandomShortBodies_MatchReferenceInAnyChunking(DkimCanonicalization canonicalization)
    {
        // Short bodies over a tiny alphabet reach every pairing of CR, LF, SP, HTAB and data at chunk edges.
        var random = new Random(6376);
        byte[] alphabet = TestBytes.Ascii("a \t\r\n");
        for (int round = 0; round < 2000; round++)
        {
            byte[] body = new byte[random.Next(0, 24)];
            for (int i = 0; i < body.Length; i++)
            {
                body[i] = alphabet[random.Next(alphabet.Length)];
            }

            string expected = TestBytes.Show(ReferenceBodyCanonicalizer.Canonicalize(canonicalization, body));
            foreach (int size in TestBytes.ChunkSizes)
            {
                Assert.True(
                    expected == TestBytes.Show(Canonicalize(canonicalization, body, size)),
                    $"body \"{TestBytes.Show(body)}\" in chunks of {size}");
            }
        }
    }

    [Fact]
    public void Complete_CalledTwice_Throws()
    {
        var canonicalizer = new DkimBodyCanonicalizer(DkimCanonicalization.Simple);
        var output = new ArrayBufferWriter<byte>();
        canonicalizer.Complete(output);

        Assert.Throws<InvalidOperationException>(() => canonicalizer.Complete(output));
    }

    private static byte[] Canonicalize(DkimCanonicalization canonicalization, byte[] input, int chunkSize)
    {
        var canonicalizer = new DkimBodyCanonicalizer(canonicalization);
        var output = new ArrayBufferWriter<byte>();
        foreach (var chunk in TestBytes.Split(input, chunkSize))
        {
            canonicalizer.Append(chunk.Span, output);
        }

        canonicalizer.Complete(output);
        return output.WrittenSpan.ToArray();
    }
}
