using System.Security.Cryptography;
using Signet.Dkim.Keys;
using Signet.Testing;

namespace Signet.Dkim.Tests.Keys;

public class DkimKeySignVerifyTests
{
    [Theory]
    [InlineData("rsa1024")]
    [InlineData("rsa2048")]
    [InlineData("ed25519")]
    public void SignHash_ThenVerifyHash_Passes(string keyName)
    {
        var key = TestKeys.Named(keyName);
        byte[] hash = SHA256.HashData("header data"u8);

        byte[] signature = key.SignHash(hash);

        Assert.True(key.PublicKey.VerifyHash(hash, signature));
    }

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519")]
    public void VerifyHash_OtherHash_Fails(string keyName)
    {
        var key = TestKeys.Named(keyName);
        byte[] signature = key.SignHash(SHA256.HashData("header data"u8));

        Assert.False(key.PublicKey.VerifyHash(SHA256.HashData("header date"u8), signature));
    }

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519")]
    public void VerifyHash_KeyFromRecord_AcceptsSignatureOfThePrivateKey(string keyName)
    {
        var key = TestKeys.Named(keyName);
        byte[] hash = SHA256.HashData("header data"u8);
        var record = new DkimKeyRecord { KeyType = key.KeyType, PublicKeyData = key.PublicKey.ExportRecordData() };

        Assert.True(record.TryGetPublicKey(out var published, out _));
        Assert.True(published.VerifyHash(hash, key.SignHash(hash)));
    }

    [Theory]
    [InlineData("rsa2048")]
    [InlineData("ed25519")]
    public void SignHashAndVerifyHash_ManyThreadsOnOneKey_AllPass(string keyName)
    {
        var key = TestKeys.Named(keyName);
        int passed = 0;

        Parallel.For(0, 64, i =>
        {
            byte[] hash = SHA256.HashData(BitConverter.GetBytes(i));
            if (key.PublicKey.VerifyHash(hash, key.SignHash(hash)))
            {
                Interlocked.Increment(ref passed);
            }
        });

        Assert.Equal(64, passed);
    }

    [Fact]
    public void Algorithm_FollowsKeyType()
    {
        Assert.Equal(DkimAlgorithm.RsaSha256, TestKeys.Rsa2048.Algorithm);
        Assert.Equal(DkimAlgorithm.Ed25519Sha256, TestKeys.Ed25519.Algorithm);
    }
}
