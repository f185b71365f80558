using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Testing;
using static Signet.Dkim.Tests.Verification.SignVerifyRoundTripTests;

namespace Signet.Dkim.Tests.Verification;

public class DkimParsedKeyCacheTests
{
    [Fact]
    public async Task Verify_ManyMessagesWithOneKey_ParsesTheKeyOnce()
    {
        var keys = KeySourceFor(("s1", TestKeys.Rsa2048));
        var verifier = new DkimVerifier(keys);
        for (int i = 0; i < 3; i++)
        {
            var signed = Sign(TestMessages.Simple, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1"));
            var (header, body) = TestMessages.Split(signed);
            Assert.Equal(DkimResultStatus.Pass, Assert.Single(await verifier.VerifyAsync(header, body)).Status);
        }

        Assert.Equal(1, verifier.KeyCache.Count);
        Assert.Equal(3, keys.LookupCount);
    }

    [Fact]
    public void Get_BeyondCapacity_StaysBounded()
    {
        var cache = new DkimParsedKeyCache(capacity: 4);
        for (int i = 0; i < 10; i++)
        {
            cache.Get(System.Text.Encoding.ASCII.GetBytes($"v=DKIM1; n={i}; p="));
        }

        Assert.InRange(cache.Count, 1, 4);
    }

    [Fact]
    public void Get_RecordSplitIntoStrings_IsTheSameEntryAsTheJoinedRecord()
    {
        var cache = new DkimParsedKeyCache(capacity: 4);
        byte[] text = System.Text.Encoding.ASCII.GetBytes(Signet.Dkim.Keys.DkimKeyRecord.Format(TestKeys.Rsa2048.PublicKey));

        var whole = cache.Get(new Signet.Dkim.Lookup.TxtRecord([text]));
        var split = cache.Get(new Signet.Dkim.Lookup.TxtRecord([text[..255], text[255..300], text[300..]]));

        Assert.Same(whole, split);
        Assert.NotNull(whole.Key);
        Assert.Equal(1, cache.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Get_EmptyRecord_IsAFailureNotAnException(int emptyStrings)
    {
        var cache = new DkimParsedKeyCache(capacity: 4);

        var parsed = cache.Get(new Signet.Dkim.Lookup.TxtRecord([.. Enumerable.Repeat(Array.Empty<byte>(), emptyStrings)]));

        Assert.Null(parsed.Record);
        Assert.NotNull(parsed.RecordFailure);
    }

    [Fact]
    public void Get_RecordsDifferingInOneByte_AreDifferentEntries()
    {
        var cache = new DkimParsedKeyCache(capacity: 4);

        var first = cache.Get("v=DKIM1; n=a; p="u8);
        var second = cache.Get("v=DKIM1; n=b; p="u8);

        Assert.NotSame(first, second);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Get_RecordsInTurn_EachGetsItsOwnEntryEveryTime()
    {
        // The record asked for last is remembered by reference: a different record must never be served from it.
        var cache = new DkimParsedKeyCache(capacity: 4);
        var records = new[] { "a", "b", "c" }.Select(n => Signet.Dkim.Lookup.TxtRecord.FromText($"v=DKIM1; n={n}; p=")).ToArray();

        foreach (int n in new[] { 0, 1, 0, 2, 2, 1, 0, 0, 2 })
        {
            Assert.Equal("abc"[n].ToString(), cache.Get(records[n]).Record!.Notes);
        }

        Assert.Same(cache.Get(records[0]), cache.Get(Signet.Dkim.Lookup.TxtRecord.FromText("v=DKIM1; n=a; p=")));
    }

    [Fact]
    public async Task Get_ManyThreadsWithRecordsInTurn_EachGetsItsOwnEntry()
    {
        var cache = new DkimParsedKeyCache(capacity: 4);
        var records = Enumerable.Range(0, 5).Select(n => Signet.Dkim.Lookup.TxtRecord.FromText($"v=DKIM1; n=k{n}; p=")).ToArray();
        int wrong = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (int i = 0; i < 50_000; i++)
            {
                int n = (i * (worker + 1)) % records.Length;
                if (cache.Get(records[n]).Record!.Notes != $"k{n}")
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        })));

        Assert.Equal(0, wrong);
    }
}
