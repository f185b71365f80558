using System.Security.Cryptography;

namespace Signet.Dkim.Keys;

/// <summary>An RSA public key from a key record, imported once. Verification does not change the key, and the
/// platform RSA implementations allow concurrent use of an unchanging key, so one instance serves every thread.</summary>
public sealed class RsaDkimPublicKey : DkimPublicKey
{
    private readonly RSA _rsa;
    private readonly byte[] _subjectPublicKeyInfo;

    private RsaDkimPublicKey(RSA rsa)
    {
        _rsa = rsa;
        _subjectPublicKeyInfo = rsa.ExportSubjectPublicKeyInfo();
    }

    public override DkimKeyType KeyType => DkimKeyType.Rsa;

    public override int KeySizeBits => _rsa.KeySize;

    /// <summary>Reads a DER SubjectPublicKeyInfo (what RFC 6376 §3.6.1 asks for) or a bare PKCS#1
    /// RSAPublicKey (which some publishers put in <c>p=</c> and common verifiers accept).
    /// Returns false when <paramref name="der"/> holds neither, in full.</summary>
    public static bool TryImport(ReadOnlySpan<byte> der, out RsaDkimPublicKey key)
    {
        key = null!;
        var rsa = RSA.Create();
        if (TryImportInto(rsa, der))
        {
            key = new RsaDkimPublicKey(rsa);
            return true;
        }

        rsa.Dispose();
        return false;
    }

    /// <summary>Verifies RSASSA-PKCS1-v1_5 with SHA-256 over a hash already computed (RFC 6376 §3.3.1).</summary>
    public override bool VerifyHash(ReadOnlySpan<byte> sha256Hash, ReadOnlySpan<byte> signature) =>
        _rsa.VerifyHash(sha256Hash, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public override byte[] ExportRecordData() => (byte[])_subjectPublicKeyInfo.Clone();

    private static bool TryImportInto(RSA rsa, ReadOnlySpan<byte> der)
    {
        // Undecodable bytes are ordinary bad input from DNS: the platform reports them by exception only,
        // so the exception stops here and becomes false.
        try
        {
            rsa.ImportSubjectPublicKeyInfo(der, out int read);
            if (read == der.Length)
            {
                return true;
            }
        }
        catch (CryptographicException)
        {
        }

        try
        {
            rsa.ImportRSAPublicKey(der, out int read);
            return read == der.Length;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
