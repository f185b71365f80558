using Signet.Dkim.Canonicalization;

namespace Signet.Dkim.Tests.Canonicalization;

public class DkimBodyHashSetTests
{
    [Fact]
    public void GetHash_TwoSignaturesWithSameCanonicalization_ShareOnePassAndMatchSeparateHashers()
    {
        byte[] body = DkimBodyHasherTests.RandomBody(new Random(6376), 50_000);
        using var set = new DkimBodyHashSet([
            (DkimCanonicalization.Relaxed, null),
            (DkimCanonicalization.Relaxed, null),
            (DkimCanonicalization.Simple, null),
        ]);
        foreach (var chunk in TestBytes.Split(body, 7))
        {
            set.Append(chunk.Span);
        }

        set.Finish();

        Assert.Equal(2, set.PassCount);
        Assert.Equal(HashSeparately(body, DkimCanonicalization.Relaxed, null), set.GetHash(DkimCanonicalization.Relaxed, null));
        Assert.Equal(HashSeparately(body, DkimCanonicalization.Simple, null), set.GetHash(DkimCanonicalization.Simple, null));
    }

    [Fact]
    public void GetHash_SameCanonicalizationWithDifferentLimits_SharesOnePassAndMatchesSeparateHashers()
    {
        byte[] body = DkimBodyHasherTests.RandomBody(new Random(8301), 120_000);
        (DkimCanonicalization Canonicalization, long? LengthLimit)[] requirements =
        [
            (DkimCanonicalization.Relaxed, null),
            (DkimCanonicalization.Relaxed, 7),
            (DkimCanonicalization.Relaxed, 40_000),
            (DkimCanonicalization.Relaxed, 5_000_000),
            (DkimCanonicalization.Simple, 0),
            (DkimCanonicalization.Simple, 3),
        ];
        using var set = new DkimBodyHashSet(requirements);
        set.Append(TestBytes.ToSequence(TestBytes.Split(body, 1000)));
        set.Finish();

        Assert.Equal(2, set.PassCount);
        foreach (var (canonicalization, limit) in requirements)
        {
            Assert.Equal(HashSeparately(body, canonicalization, limit), set.GetHash(canonicalization, limit));
        }

        using var relaxed = new DkimBodyHasher(DkimCanonicalization.Relaxed);
        relaxed.Append(body);
        relaxed.Finish();
        Assert.Equal(relaxed.CanonicalLength, set.GetCanonicalLength(DkimCanonicalization.Relaxed));
    }

    [Fact]
    public void GetHash_RequirementNotAskedFor_Throws()
    {
        using var set = new DkimBodyHashSet([(DkimCanonicalization.Relaxed, null)]);
        set.Finish();

        Assert.Throws<ArgumentException>(() => set.GetHash(DkimCanonicalization.Simple, null));
        Assert.Throws<ArgumentException>(() => set.GetHash(DkimCanonicalization.Relaxed, 10));
    }

    [Fact]
    public void GetHash_BeforeFinish_Throws()
    {
        using var set = new DkimBodyHashSet([(DkimCanonicalization.Relaxed, null)]);

        Assert.Throws<InvalidOperationException>(() => set.GetHash(DkimCanonicalization.Relaxed, null));
    }

    private static byte[] HashSeparately(byte[] body, DkimCanonicalization canonicalization, long? limit)
    {
        using var hasher = new DkimBodyHasher(canonicalization, limit);
        hasher.Append(body);
        return hasher.Finish();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(32 * 1024 - 1)]
    [InlineData(32 * 1024)]
    [InlineData(32 * 1024 + 1)]
    [InlineData(100_000)]
    public void GetHash_BodiesAroundTheStageSize_AreTheSha256OfTheReferenceCanonicalBody(int length)
    {
        // A body that fits the 32 KB stage is hashed in one call at the end, a longer one incrementally: both must
        // give the SHA-256 of the canonical body, whatever the chunking.
        byte[] body = DkimBodyHasherTests.RandomBody(new Random(length), length);
        foreach (var canonicalization in new[] { DkimCanonicalization.Simple, DkimCanonicalization.Relaxed })
        {
            byte[] expected = System.Security.Cryptography.SHA256.HashData(ReferenceBodyCanonicalizer.Canonicalize(canonicalization, body));
            foreach (int chunk in new[] { 1_000, 40_000 })
            {
                using var set = new DkimBodyHashSet([(canonicalization, null)]);
                foreach (var piece in TestBytes.Split(body, chunk))
                {
                    set.Append(piece.Span);
                }

                set.Finish();
                Assert.Equal(expected, set.GetHash(canonicalization, null));
            }
        }
    }
}
