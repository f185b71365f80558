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
}
