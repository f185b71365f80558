using System.Security.Cryptography;

namespace Signet.Dkim.Tests;

public class DkimSha256Tests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(64)]
    [InlineData(700)]
    [InlineData(32 * 1024)]
    public void HashData_AnyLength_IsSha256(int length)
    {
        byte[] data = new byte[length];
        new Random(length).NextBytes(data);
        byte[] hash = new byte[32];

        // Twice in a row on one thread: the reused state must start clean each time.
        DkimSha256.HashData(data, hash);
        DkimSha256.HashData(data, hash);

        Assert.Equal(SHA256.HashData(data), hash);
    }

    [Fact]
    public void HashData_DestinationTooShort_ThrowsAndLeavesTheNextHashRight()
    {
        byte[] data = "partial"u8.ToArray();

        Assert.ThrowsAny<ArgumentException>(() => DkimSha256.HashData(data, new byte[16]));

        byte[] hash = new byte[32];
        DkimSha256.HashData("abc"u8, hash);
        Assert.Equal(SHA256.HashData("abc"u8), hash);
    }

    [Fact]
    public async Task HashData_ManyThreadsAtOnce_EachGetsItsOwnHash()
    {
        int wrong = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            byte[] hash = new byte[32];
            for (int i = 0; i < 5_000; i++)
            {
                byte[] data = BitConverter.GetBytes(worker * 1_000_000 + i);
                DkimSha256.HashData(data, hash);
                if (!hash.AsSpan().SequenceEqual(SHA256.HashData(data)))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        })));

        Assert.Equal(0, wrong);
    }
}
