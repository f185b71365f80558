using System.Text;
using Signet.Dkim.Messages;
using Signet.Relay.Tests.Support;
using Signet.Testing;

namespace Signet.Relay.Tests;

/// <summary>The relay reads the header section with the one reader (<see cref="DkimHeaderSectionBuffer"/>) and its
/// configured cap: a section of exactly the cap is signed, one byte more is too large to sign (the signing failure
/// action: tempfail), even when the empty line arrives in the same chunk.</summary>
public sealed class RelayHeaderSectionTests
{
    private const int Cap = 4096;

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task HeaderSection_UpToTheCapIsSigned_OneByteMoreIsRefused(int over, bool signed)
    {
        await using var relay = await RelayHarness.StartAsync(mail: RelayHarness.Mail with { MaximumHeaderSize = Cap });

        var result = await SmtpTestClient.SendAsync(relay.Endpoint, "joe@football.example.com", ["suzie@shopping.example.net"],
            Message(Cap + over), CancellationToken.None);

        Assert.Equal(signed, result.Accepted);
        if (signed)
        {
            var delivered = (await relay.Sink!.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0];
            Assert.StartsWith("DKIM-Signature:", delivered.Text, StringComparison.Ordinal);
        }
    }

    // A message whose header section, with the empty line that ends it, is exactly headerBytes long.
    private static byte[] Message(int headerBytes)
    {
        var text = new StringBuilder("From: joe@football.example.com\r\nTo: suzie@shopping.example.net\r\nSubject: large header\r\n");
        int rest = headerBytes - text.Length - 2;
        text.Append("X: ").Append('b', rest - 5).Append("\r\n\r\nbody\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
