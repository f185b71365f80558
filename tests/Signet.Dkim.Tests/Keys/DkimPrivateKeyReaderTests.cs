using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Signet.Dkim.Keys;
using Signet.Testing;

namespace Signet.Dkim.Tests.Keys;

public class DkimPrivateKeyReaderTests
{
    [Theory]
    [InlineData("rfc8463-test.rsa.pem", "test._domainkey.football.example.com.", DkimKeyType.Rsa)]
    [InlineData("rfc8463-brisbane.ed25519.seed.b64", "brisbane._domainkey.football.example.com.", DkimKeyType.Ed25519)]
    [InlineData("rfc6376-appC-brisbane.rsa.pem", "brisbane._domainkey.example.com.", DkimKeyType.Rsa)]
    public void TryRead_RfcKeys_GivesThePublishedPublicKey(string file, string recordName, DkimKeyType type)
    {
        Assert.True(DkimPrivateKeyReader.TryRead(File.ReadAllBytes(RepositoryPaths.Vector("rfc", "keys", file)), out var key, out string error), error);
        using (key)
        {
            Assert.Equal(type, key.KeyType);
            Assert.Equal(DkimKeyRecord.Format(key.PublicKey), TestKeys.RfcRecords[recordName].Replace("v=DKIM1; p=", "v=DKIM1; k=rsa; p="));
        }
    }

    [Theory]
    [InlineData("rsa1024")]
    [InlineData("rsa2048")]
    [InlineData("ed25519")]
    public void TryRead_Pkcs8PemExport_GivesTheSameKey(string keyName)
    {
        var original = TestKeys.Named(keyName);

        Assert.True(DkimPrivateKeyReader.TryRead(Encoding.ASCII.GetBytes(original.ExportPkcs8Pem()), out var key, out string error), error);
        using (key)
        {
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", original.ExportPkcs8Pem());
            Assert.Equal(original.KeySizeBits, key.KeySizeBits);
            Assert.Equal(original.PublicKey.ExportRecordData(), key.PublicKey.ExportRecordData());
        }
    }

    [Fact]
    public void TryRead_Pkcs1Pem_GivesTheSameKey()
    {
        using var rsa = RSA.Create(2048);
        string pem = "\uFEFF" + rsa.ExportRSAPrivateKeyPem() + "\r\n";

        Assert.True(DkimPrivateKeyReader.TryRead(Encoding.UTF8.GetBytes(pem), out var key, out string error), error);
        using (key)
        {
            Assert.Equal(rsa.ExportSubjectPublicKeyInfo(), key.PublicKey.ExportRecordData());
        }
    }

    [Fact]
    public void TryRead_Ed25519SeedWithTrailingNewline_IsAccepted()
    {
        byte[] seed = RandomNumberGenerator.GetBytes(32);

        Assert.True(DkimPrivateKeyReader.TryRead(Encoding.ASCII.GetBytes(Convert.ToBase64String(seed) + "\n"), out var key, out string error), error);
        key.Dispose();
    }

    [Theory]
    [InlineData("empty", "the file is empty")]
    [InlineData("blank", "the file is empty")]
    [InlineData("binary", "the file holds binary data")]
    [InlineData("der", "DER-encoded key: convert it to PEM with: openssl pkey -inform DER")]
    [InlineData("publicKey", "the file holds a public key")]
    [InlineData("rsaPublicKey", "the file holds a public key")]
    [InlineData("certificate", "the file holds a certificate")]
    [InlineData("encryptedPkcs8", "the key is encrypted with a passphrase: decrypt it with: openssl pkey -in KEYFILE -out decrypted.pem")]
    [InlineData("encryptedLegacy", "the key is encrypted with a passphrase: decrypt it with: openssl pkey")]
    [InlineData("ecPkcs8", "an EC (ECDSA) key: DKIM signs with RSA or Ed25519 keys only")]
    [InlineData("ecSec1", "an EC (ECDSA) key")]
    [InlineData("x25519", "an X25519 key")]
    [InlineData("openssh", "an OpenSSH-format key")]
    [InlineData("otherPem", "a PEM block labelled \"X509 CRL\"")]
    [InlineData("truncatedPem", "is damaged (no matching END line, or bad base64): the file may be truncated")]
    [InlineData("twoKeys", "holds 2 private keys")]
    [InlineData("badPkcs1", "does not hold a PKCS#1 RSA private key")]
    [InlineData("badPkcs8", "does not hold a PKCS#8 key")]
    [InlineData("badBase64", "neither PEM (no -----BEGIN line) nor valid base64")]
    [InlineData("shortSeed", "holds 16 bytes of base64, but an Ed25519 key in base64 must be the 32-byte seed")]
    [InlineData("unarmouredDer", "look like a DER key without its PEM lines")]
    [InlineData("dnsRecord", "a DKIM DNS record (the public key), not a private key")]
    [InlineData("rsa512", "RSA key of 512 bits is too short: DKIM needs at least 1024 bits (RFC 8301); 2048 is recommended")]
    [InlineData("rsa4104", "RSA key of 4104 bits is too long: receivers need only handle keys up to 4096 bits (RFC 8301 §3.2)")]
    public void TryRead_NotAUsableKey_SaysWhatTheFileHolds(string name, string expected)
    {
        Assert.False(DkimPrivateKeyReader.TryRead(Content(name), out _, out string error));
        Assert.Contains(expected, error);
        Assert.DoesNotContain('\n', error);
    }

    private static byte[] Content(string name) => name switch
    {
        "empty" => [],
        "blank" => " \r\n\t\n"u8.ToArray(),
        "binary" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00],
        "der" => Rsa(1024, rsa => rsa.ExportPkcs8PrivateKey()),
        "publicKey" => Text(Rsa(1024, rsa => rsa.ExportSubjectPublicKeyInfoPem())),
        "rsaPublicKey" => Text(Rsa(1024, rsa => rsa.ExportRSAPublicKeyPem())),
        "certificate" => Text(Certificate()),
        "encryptedPkcs8" => Text(Rsa(1024, rsa => rsa.ExportEncryptedPkcs8PrivateKeyPem("secret",
            new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000)))),
        "encryptedLegacy" => Text("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n-----END RSA PRIVATE KEY-----\n"),
        "ecPkcs8" => Text(Ec(ec => ec.ExportPkcs8PrivateKeyPem())),
        "ecSec1" => Text("-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + Ec(ec => ec.ExportECPrivateKeyPem())),
        "x25519" => Text(PemEncoding.WriteString("PRIVATE KEY", Pkcs8("1.3.101.110", RandomNumberGenerator.GetBytes(32)))),
        "openssh" => Text("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n"),
        "otherPem" => Text("-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n"),
        "truncatedPem" => Text(TestKeys.Rsa1024.ExportPkcs8Pem()[..400]),
        "twoKeys" => Text(TestKeys.Rsa1024.ExportPkcs8Pem() + "\n" + TestKeys.Ed25519.ExportPkcs8Pem()),
        "badPkcs1" => Text(PemEncoding.WriteString("RSA PRIVATE KEY", [0x30, 0x03, 0x02, 0x01, 0x00])),
        "badPkcs8" => Text(PemEncoding.WriteString("PRIVATE KEY", [0x04, 0x02, 0x01, 0x00])),
        "badBase64" => "this is not a key!"u8.ToArray(),
        "shortSeed" => Text(Convert.ToBase64String(new byte[16])),
        "unarmouredDer" => Text(Convert.ToBase64String(Rsa(1024, rsa => rsa.ExportPkcs8PrivateKey()))),
        "dnsRecord" => Text(DkimKeyRecord.Format(TestKeys.Ed25519.PublicKey)),
        "rsa512" => Text(Rsa(512, rsa => rsa.ExportPkcs8PrivateKeyPem())),
        "rsa4104" => Text(Rsa(4104, rsa => rsa.ExportRSAPrivateKeyPem())),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] Text(string text) => Encoding.ASCII.GetBytes(text);

    private static T Rsa<T>(int bits, Func<RSA, T> export)
    {
        using var rsa = RSA.Create(bits);
        return export(rsa);
    }

    private static string Ec(Func<ECDsa, string> export)
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return export(ec);
    }

    private static string Certificate()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=mail.example.com", ec, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(1));
        return certificate.ExportCertificatePem();
    }

    // RFC 8410 §7 layout: PrivateKeyInfo { version 0, AlgorithmIdentifier { oid }, OCTET STRING { OCTET STRING key } }.
    private static byte[] Pkcs8(string oid, byte[] privateKey)
    {
        var inner = new AsnWriter(AsnEncodingRules.DER);
        inner.WriteOctetString(privateKey);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(oid);
            }

            writer.WriteOctetString(inner.Encode());
        }

        return writer.Encode();
    }
}
