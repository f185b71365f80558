using System.Text;
using Signet.Admin.Api.Policy;
using Signet.Admin.Console.Check;
using Signet.Cli;
using Signet.Dkim.Messages;
using Signet.Mail;
using Signet.Testing;

namespace Signet.Tests.Rules;

/// <summary>A header section is read in one place (<see cref="DkimHeaderSectionBuffer"/>) with one documented cap;
/// the command line states why it takes more. Each reader refuses just past its cap, with the same reason.</summary>
public sealed class HeaderSectionRuleTests
{
    [Fact]
    public void Caps_AreTheOneDefault_ExceptTheCommandLineWhichSaysWhy()
    {
        Assert.Equal(DkimHeaderSectionBuffer.DefaultMaximumBytes, new MailOptions().MaximumHeaderSize);
        Assert.Equal(DkimHeaderSectionBuffer.DefaultMaximumBytes, PolicyEndpoints.MaximumHeaderBytes);
        Assert.Equal(4 * DkimHeaderSectionBuffer.DefaultMaximumBytes, MessageInput.MaximumHeaderBytes);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task ConsoleAndApiCheck_ReadUpToTheCap_AndRefuseOneByteMore(int over, bool accepted)
    {
        var check = new MessageCheck(new InMemoryTxtSource(), TimeProvider.System);
        var result = await check.CheckAsync(Message(DkimHeaderSectionBuffer.DefaultMaximumBytes + over), "mx.example.net", CancellationToken.None);

        Assert.Equal(accepted, result.Problem is null);
        if (!accepted)
        {
            Assert.Contains(new DkimHeaderSectionBuffer().TooLargeReason, result.Problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    public async Task CommandLine_ReadsUpToItsCap_AndRefusesOneByteMore(int over, int exitCode)
    {
        using var temp = new TemporaryDirectory();
        string key = temp.File("k.pem");
        Assert.Equal(0, (await CliRun.Run("keygen", "--algorithm", "ed25519", "--out", key)).ExitCode);

        var run = await CliRun.RunWithInput(Message(MessageInput.MaximumHeaderBytes + over), "sign", "--domain", "example.com", "--key", key);

        Assert.Equal(exitCode, run.ExitCode);
        if (exitCode != 0)
        {
            Assert.Contains(new DkimHeaderSectionBuffer(MessageInput.MaximumHeaderBytes).TooLargeReason, run.Error, StringComparison.Ordinal);
        }
    }

    // A message whose header section, with the empty line that ends it, is exactly headerBytes long.
    private static byte[] Message(int headerBytes)
    {
        const string Head = "From: a@example.com\r\nSubject: large header\r\n";
        var text = new StringBuilder(Head);
        string field = "X-Padding: " + new string('a', 1000) + "\r\n";
        while (text.Length + field.Length + 2 + 5 <= headerBytes)
        {
            text.Append(field);
        }

        int rest = headerBytes - text.Length - 2;
        text.Append("X: ").Append('b', rest - 5).Append("\r\n");
        text.Append("\r\nbody\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
