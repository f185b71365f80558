using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Signet.Dkim;
using Signet.Dkim.Keys;

namespace Signet.Bench;

/// <summary>MimeKit's DkimSigner and DkimVerifier on the same messages, already parsed into a MimeMessage, with a
/// key locator that returns the parsed public key (so neither key parsing nor MIME parsing is timed).</summary>
public sealed class MimeKitScenarios
{
    private static readonly HeaderId[] SignedHeaders = [HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId];
    private readonly MimeMessage _unsigned;
    private readonly MimeMessage _signed;
    private readonly DkimSigner _signer;
    private readonly DkimVerifier _verifier;

    public MimeKitScenarios(DkimPrivateKey key, byte[] message)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (privateKey, publicKey, algorithm) = Convert(key);
        _signer = new DkimSigner(privateKey, "example.com", "s1", algorithm)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
        _verifier = new DkimVerifier(new CachedKeyLocator(publicKey)) { MinimumRsaKeyLength = 1024 };
        _unsigned = MimeMessage.Load(new MemoryStream(message));
        _signed = MimeMessage.Load(new MemoryStream(message));
        _signer.Sign(_signed, SignedHeaders);
    }

    public void Sign()
    {
        _signer.Sign(_unsigned, SignedHeaders);
        _unsigned.Headers.RemoveAll(HeaderId.DkimSignature);
    }

    public void Verify()
    {
        if (!_verifier.Verify(_signed, _signed.Headers[_signed.Headers.IndexOf(HeaderId.DkimSignature)]))
        {
            throw new InvalidOperationException("MimeKit did not verify its own signature");
        }
    }

    private static (AsymmetricKeyParameter Private, AsymmetricKeyParameter Public, DkimSignatureAlgorithm Algorithm) Convert(DkimPrivateKey key)
    {
        string pem = key.ExportPkcs8Pem();
        byte[] pkcs8 = System.Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        if (key.KeyType == DkimKeyType.Ed25519)
        {
            var privateKey = (Ed25519PrivateKeyParameters)PrivateKeyFactory.CreateKey(pkcs8);
            return (privateKey, privateKey.GeneratePublicKey(), DkimSignatureAlgorithm.Ed25519Sha256);
        }

        return (PrivateKeyFactory.CreateKey(pkcs8), PublicKeyFactory.CreateKey(key.PublicKey.ExportRecordData()), DkimSignatureAlgorithm.RsaSha256);
    }

    private sealed class CachedKeyLocator(AsymmetricKeyParameter key) : IDkimPublicKeyLocator
    {
        public AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) => key;

        public Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(key);
    }
}
