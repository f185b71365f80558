using System.Text;
using Signet.Dkim.Canonicalization;
using Signet.Dkim.Keys;
using Signet.Dkim.Signatures;
using Signet.Dkim.Signing;
using Signet.Testing;

namespace Signet.Dkim.Tests.Verification;

/// <summary>Signatures with an l= tag, which Signet's signer never writes but other signers do.</summary>
internal static class LimitedSignature
{
    public static byte[] Create(string message, DkimPrivateKey key, long bodyLength)
    {
        var (header, body) = TestMessages.Split(message);
        using var hasher = new DkimBodyHasher(DkimCanonicalization.Relaxed, bodyLength);
        hasher.Append(body);
        string bodyHash = Convert.ToBase64String(hasher.Finish());
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string unsigned = $"DKIM-Signature: v=1; a={key.Algorithm.ToTagValue()}; c=relaxed/relaxed; d=example.com; s=s1; t={now}; l={bodyLength}; h=from:to:subject; bh={bodyHash}; b=";
        byte[] signature = DkimSigner.ComputeSignature(key, header, ["from", "to", "subject"], DkimCanonicalization.Relaxed, Encoding.ASCII.GetBytes(unsigned));
        return Encoding.UTF8.GetBytes(unsigned + Convert.ToBase64String(signature) + "\r\n" + message);
    }
}
