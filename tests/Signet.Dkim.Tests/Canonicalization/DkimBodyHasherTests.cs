using System.Security.Cryptography;
using Signet.Dkim.Canonicalization;

namespace Signet.Dkim.Tests.Canonicalization;

public class DkimBodyHasherTests
{
    public static TheoryData<string, DkimCanonicalization, int> Cases => BodyCanonicalizationCases.All;

    [Theory]
    // Simple: SHA-256 of one CRLF. Relaxed: SHA-256 of no bytes at all.
    [InlineData(DkimCanonicalization.Simple, "frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=")]
    [InlineData(DkimCanonicalization.Relaxed, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")]
    public void Finish_EmptyBody_GivesKnownHash(DkimCanonicalization canonicalization, string expected)
    {
        using var hasher = new DkimBodyHasher(canonicalization);

        Assert.Equal(expected, Convert.ToBase64String(hasher.Finish()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finish_Case_HashesCanonicalBytesInAnyChunking(string name, DkimCanonicalization canonicalization, int chunkSize)
    {
        var (input, expected) = BodyCanonicalizationCases.Get(name, canonicalization);
        using var hasher = new DkimBodyHasher(canonicalization);
        foreach (var chunk in TestBytes.Split(input, chunkSize))
        {
            hasher.Append(chunk.Span);
        }

        Assert.Equal(SHA256.HashData(expected), hasher.Finish());
        Assert.Equal(expected.Length, hasher.CanonicalLength);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finish_CaseAsSequence_HashesCanonicalBytes(string name, DkimCanonicalization canonicalization, int chunkSize)
    {
        var (input, expected) = BodyCanonicalizationCases.Get(name, canonicalization);
        using var hasher = new DkimBodyHasher(canonicalization);

        hasher.Append(TestBytes.ToSequence(TestBytes.Split(input, chunkSize)));

        Assert.Equal(SHA256.HashData(expected), hasher.Finish());
    }

    [Theory]
    [InlineData(DkimCanonicalization.Simple)]
    [InlineData(DkimCanonicalization.Relaxed)]
    public void Finish_LargeRandomBodyInRandomChunks_EqualsWholeAndReference(DkimCanonicalization canonicalization)
    {
        var random = new Random(8463);
        byte[] body = RandomBody(random, 3_000_000);
        byte[] expected = SHA256.HashData(ReferenceBodyCanonicalizer.Canonicalize(canonicalization, body));

        using var whole = new DkimBodyHasher(canonicalization);
        whole.Append(body);
        using var chunked = new DkimBodyHasher(canonicalization);
        for (int offset = 0; offset < body.Length;)
        {
            // Mostly small chunks, some larger than the hasher's staging buffer.
            int size = Math.Min(body.Length - offset, random.Next(4) == 0 ? random.Next(1, 100_000) : random.Next(1, 40));
            chunked.Append(body.AsSpan(offset, size));
            offset += size;
        }

        Assert.Equal(expected, whole.Finish());
        Assert.Equal(expected, chunked.Finish());
        Assert.Equal(whole.CanonicalLength, chunked.CanonicalLength);
    }

    [Theory]
    [InlineData(DkimCanonicalization.Simple, 0)]
    [InlineData(DkimCanonicalization.Simple, 1)]
    [InlineData(DkimCanonicalization.Simple, 13)]
    [InlineData(DkimCanonicalization.Simple, 40_000)]
    [InlineData(DkimCanonicalization.Simple, 10_000_000)]
    [InlineData(DkimCanonicalization.Relaxed, 0)]
    [InlineData(DkimCanonicalization.Relaxed, 5)]
    [InlineData(DkimCanonicalization.Relaxed, 32_768)]
    [InlineData(DkimCanonicalization.Relaxed, 65_537)]
    [InlineData(DkimCanonicalization.Relaxed, 10_000_000)]
    public void Finish_LengthLimit_HashesOnlyThatManyCanonicalBytesAndReportsFullLength(DkimCanonicalization canonicalization, long limit)
    {
        byte[] body = RandomBody(new Random(1384), 200_000);
        byte[] canonical = ReferenceBodyCanonicalizer.Canonicalize(canonicalization, body);

        foreach (int size in TestBytes.ChunkSizes)
        {
            using var hasher = new DkimBodyHasher(canonicalization, limit);
            foreach (var chunk in TestBytes.Split(body, size == 0 ? 0 : size * 1000 + 1))
            {
                hasher.Append(chunk.Span);
            }

            Assert.Equal(SHA256.HashData(canonical.AsSpan(0, (int)Math.Min(limit, canonical.Length))), hasher.Finish());
            Assert.Equal(canonical.Length, hasher.CanonicalLength);
        }
    }

    [Fact]
    public void Append_AfterFinish_Throws()
    {
        using var hasher = new DkimBodyHasher(DkimCanonicalization.Relaxed);
        hasher.Finish();

        Assert.Throws<InvalidOperationException>(() => hasher.Append("x"u8));
        Assert.Throws<InvalidOperationException>(() => hasher.Finish());
    }

    [Fact]
    public void Constructor_NegativeLengthLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DkimBodyHasher(DkimCanonicalization.Simple, -1));
    }

    /// <summary>Text lines with random CR, LF, SP and HTAB placement, runs of blank lines and trailing whitespace.</summary>
    internal static byte[] RandomBody(Random random, int length)
    {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++)
        {
            int pick = random.Next(100);
            body[i] = pick switch
            {
                < 12 => (byte)' ',
                < 15 => (byte)'\t',
                < 18 => (byte)'\r',
                < 21 => (byte)'\n',
                _ => (byte)('a' + random.Next(26)),
            };
        }

        // Stretches of blank lines and whitespace-only lines, as signatures and quoted replies have.
        for (int i = 0; i < length / 2000; i++)
        {
            int at = random.Next(length - 20);
            "\r\n\r\n \t\r\n\n\r\n  \r\n"u8.CopyTo(body.AsSpan(at));
        }

        return body;
    }
}
