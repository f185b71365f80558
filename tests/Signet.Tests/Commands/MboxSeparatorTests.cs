using System.Text;
using Signet.Cli;
using Signet.Testing;
using Signet.Tests.Commands.Store;

namespace Signet.Tests.Commands;

/// <summary>A message saved from a mailbox starts with the mbox "From " separator line (RFC 4155 §2): the commands
/// that judge a message skip that one line, as dkimpy does, instead of refusing the file.</summary>
public sealed class MboxSeparatorTests : IDisposable
{
    private const string Separator = "From alice@example.com Sat Nov 28 12:00:01 2026\n";

    private const string Message =
        "From: Alice <alice@example.com>\n" +
        "To: Bob <bob@example.net>\n" +
        "Subject: Lunch\n" +
        "Date: Sat, 28 Nov 2026 12:00:00 +0000\n" +
        "\n" +
        "Bob,\n\nlunch at noon?\n";

    private readonly StoreCli _cli = new();
    private readonly string _key;
    private readonly string _zone;

    public MboxSeparatorTests()
    {
        _key = _cli.File("ed.pem");
        _zone = _cli.File("keys.zone");
        Assert.Equal(0, CliRun.Run("keygen", "--algorithm", "ed25519", "--out", _key).Result.ExitCode);
        File.WriteAllText(_zone, CliRun.Run("dns-record", "--key", _key, "--domain", "example.com", "--selector", "s1", "--format", "zone").Result.OutputText);
    }

    public static TheoryData<string> LineEndings => new() { "\r\n", "\n" };

    [Theory]
    [MemberData(nameof(LineEndings))]
    public async Task Verify_MessageSavedFromAMailbox_IsJudgedLikeTheMessageItself(string lineEnding)
    {
        var signed = await CliRun.RunWithInput(Message.Replace("\n", lineEnding, StringComparison.Ordinal), "sign", "--domain", "example.com", "--key", _key, "--selector", "s1");
        Assert.Equal(0, signed.ExitCode);
        byte[] saved = [.. Encoding.ASCII.GetBytes(Separator.Replace("\n", lineEnding, StringComparison.Ordinal)), .. signed.Output];

        var run = await CliRun.RunWithInput(saved, "verify", "--keys", _zone);

        Assert.True(run.ExitCode == 0, run.Error + run.OutputText);
        Assert.Contains("dkim=pass", run.OutputText);
    }

    [Theory]
    [MemberData(nameof(LineEndings))]
    public async Task PolicyExplain_MessageSavedFromAMailbox_IsExplained(string lineEnding)
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        string saved = (Separator + Message).Replace("\n", lineEnding, StringComparison.Ordinal);

        var run = await _cli.RunWithInput(saved, "policy", "explain");

        Assert.True(run.ExitCode == 0, run.Error + run.OutputText);
        Assert.Contains("From domain: example.com", run.OutputText);
    }

    // Only a first line starting exactly "From " is a separator; ">From ", "from " or a later line are not.
    [Theory]
    [InlineData(">From alice@example.com Sat Nov 28 12:00:01 2026\n")]
    [InlineData("from alice@example.com Sat Nov 28 12:00:01 2026\n")]
    [InlineData("FromX alice@example.com\n")]
    public async Task Verify_FirstLineThatIsNotExactlyASeparator_IsStillRefused(string firstLine)
    {
        var run = await CliRun.RunWithInput(firstLine + Message, "verify", "--keys", _zone);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a mail message", run.Error);
    }

    [Fact]
    public async Task Verify_SecondSeparatorLine_IsNotSkipped()
    {
        var run = await CliRun.RunWithInput(Separator + Separator + Message, "verify", "--keys", _zone);

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task ReadAsync_SeparatorArrivingOneByteAtATime_IsSkipped()
    {
        using var stream = new OneByteStream(Encoding.ASCII.GetBytes(Separator + Message));

        var message = await MessageInput.ReadAsync(stream, skipMboxSeparator: true, CancellationToken.None);

        Assert.StartsWith("From: Alice", Encoding.ASCII.GetString(message.HeaderBytes));
        Assert.Equal(4, message.Header.Fields.Count);
    }

    [Fact]
    public async Task ReadAsync_WithoutSkipping_KeepsTheSeparatorForTheSigner()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(Separator + Message));

        await Assert.ThrowsAsync<CliUsageException>(() => MessageInput.ReadAsync(stream, CancellationToken.None));
    }

    public void Dispose() => _cli.Dispose();

    private sealed class OneByteStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
