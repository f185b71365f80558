using System.Text;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Testing;
using static Signet.Dkim.Tests.Verification.SignVerifyRoundTripTests;

namespace Signet.Dkim.Tests.Hostile;

/// <summary>Builds oversized and malformed messages, and signs and verifies them with the real engine.</summary>
internal static class HostileMessages
{
    public static readonly byte[] SimpleHeader = Encoding.ASCII.GetBytes(TestMessages.Simple[..TestMessages.Simple.IndexOf("\r\n\r\n", StringComparison.Ordinal)]);

    public static readonly byte[] SimpleBody = Encoding.ASCII.GetBytes(TestMessages.Simple[(TestMessages.Simple.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);

    /// <summary>The simple test message with <paramref name="extraFields"/> (complete fields with their CRLFs)
    /// after its own, and <paramref name="body"/> (or its own body).</summary>
    public static byte[] With(byte[] extraFields, byte[]? body = null) =>
        [.. SimpleHeader, .. "\r\n"u8, .. extraFields, .. "\r\n"u8, .. body ?? SimpleBody];

    public static byte[] Repeat(string text, int count)
    {
        var builder = new StringBuilder(text.Length * count);
        for (int i = 0; i < count; i++)
        {
            builder.Append(text.Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    public static InMemoryTxtSource S1Keys() => KeySourceFor(("s1", TestKeys.Rsa2048));

    /// <summary>Signs with the test key at s1, covering the fields these tests make hostile as well as the usual ones.</summary>
    public static byte[] SignWithS1(byte[] message)
    {
        string[] names = ["From", "To", "Subject", "Date", "Message-ID", "X-Filler", "X-Big", "Comments", "Keywords", "X-Nul"];
        Assert.True(DkimSignedHeaderPolicy.TryCreate(names, out var policy, out string error), error);
        return Sign(message, new DkimSigningRequest(TestKeys.Rsa2048, "example.com", "s1") { HeaderPolicy = policy });
    }

    public static Task<IReadOnlyList<DkimSignatureResult>> VerifyTimed(byte[] message, InMemoryTxtSource keys, DkimVerifierOptions? options = null) =>
        HangBound.WithinAsync(() => Verify(message, keys, options));
}
