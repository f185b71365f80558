using System.Security.Cryptography;
using NSec.Cryptography;

namespace Signet.Bench;

/// <summary>The raw operations a DKIM signature cannot avoid: one public-key operation over a SHA-256 hash, and
/// SHA-256 over the message. Their rates bound what any implementation can reach.</summary>
public sealed class LimitScenarios : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly Key _ed25519 = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly byte[] _hash = SHA256.HashData("DKIM"u8);
    private readonly byte[] _rsaSignature;
    private readonly byte[] _ed25519Signature;

    public LimitScenarios()
    {
        _rsaSignature = _rsa.SignHash(_hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _ed25519Signature = SignatureAlgorithm.Ed25519.Sign(_ed25519, _hash);
    }

    public void RsaSign() => _rsa.SignHash(_hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public void RsaVerify() => _rsa.VerifyHash(_hash, _rsaSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public void Ed25519Sign() => SignatureAlgorithm.Ed25519.Sign(_ed25519, _hash);

    public void Ed25519Verify() => SignatureAlgorithm.Ed25519.Verify(_ed25519.PublicKey, _hash, _ed25519Signature);

    public static void Sha256(byte[] data) => SHA256.HashData(data);

    public void Dispose()
    {
        _rsa.Dispose();
        _ed25519.Dispose();
    }
}
