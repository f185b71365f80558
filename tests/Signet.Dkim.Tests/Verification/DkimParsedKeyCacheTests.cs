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
}
