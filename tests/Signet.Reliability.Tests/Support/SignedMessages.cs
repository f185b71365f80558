using System.Text;
using Signet.Dkim.Keys;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Testing;

namespace Signet.Reliability.Tests.Support;

/// <summary>Messages signed in process with the shared Ed25519 test key (its record fits one TXT string), and the
/// zone line that publishes the key.</summary>
internal static class SignedMessages
{
    public const string Domain = "example.com";
    public const string Selector = "s1";

    public static string ZoneLine => $"{Selector}._domainkey IN TXT \"{DkimKeyRecord.Format(TestKeys.Ed25519.PublicKey)}\"";

    public static byte[] Signed(string subject) => Signed(subject, Domain);

    public static byte[] Signed(string subject, string domain)
    {
        byte[] message = Encoding.ASCII.GetBytes(
            $"From: Alice <alice@{domain}>\r\nTo: bob@example.net\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@{domain}>\r\n\r\nHello.\r\n");
        Assert.True(DkimSigner.TryCreate([new DkimSigningRequest(TestKeys.Ed25519, domain, Selector)], null, out var signer, out string error), error);
        var (header, body) = TestMessages.Split(message);
        return TestMessages.Prepend(signer.Sign(header, body), message);
    }

    public static async Task<DkimSignatureResult> VerifyAsync(DkimVerifier verifier, byte[] message)
    {
        var (header, body) = TestMessages.Split(message);
        return Assert.Single(await verifier.VerifyAsync(header, body));
    }
}
