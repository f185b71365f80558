using Signet.Testing;
using System.Text;
using System.Text.Json;

namespace Signet.Tests.Commands;

public class SignVerifyCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();
    private readonly string _rsa;
    private readonly string _ed;
    private readonly string _zone;

    public SignVerifyCommandTests()
    {
        _rsa = _temp.File("rsa.pem");
        _ed = _temp.File("ed.pem");
        _zone = _temp.File("keys.zone");
        Assert.Equal(0, CliRun.Run("keygen", "--out", _rsa).Result.ExitCode);
        Assert.Equal(0, CliRun.Run("keygen", "--algorithm", "ed25519", "--out", _ed).Result.ExitCode);
        string zone = CliRun.Run("dns-record", "--key", _rsa, "--domain", "example.com", "--selector", "s1", "--format", "zone").Result.OutputText
            + CliRun.Run("dns-record", "--key", _ed, "--domain", "example.com", "--selector", "s2", "--format", "zone").Result.OutputText;
        File.WriteAllText(_zone, zone);
    }

    public static TheoryData<string> LineEndings => new() { "\r\n", "\n" };

    [Theory]
    [MemberData(nameof(LineEndings))]
    public async Task Sign_OutputIsInputPlusSignaturesOnTop_InTheInputsLineEnding(string lineEnding)
    {
        string message = Message.Replace("\n", lineEnding, StringComparison.Ordinal);

        var run = await CliRun.RunWithInput(message, "sign", "--domain", "example.com", "--key", _rsa, "--selector", "s1", "--key", _ed, "--selector", "s2");

        Assert.Equal(0, run.ExitCode);
        string output = run.OutputText;
        Assert.EndsWith(message, output, StringComparison.Ordinal);
        string added = output[..^message.Length];
        Assert.Equal(2, added.Split("DKIM-Signature:").Length - 1);
        Assert.Equal(lineEnding == "\n", !added.Contains('\r', StringComparison.Ordinal));
        Assert.All(added.Split(lineEnding), line => Assert.True(line.Length <= 78, line));
    }

    [Fact]
    public async Task SignThenVerify_WithKeysFile_PassesAndExitsZero()
    {
        var signed = await CliRun.RunWithInput(Message, "sign", "--domain", "example.com", "--key", _rsa, "--selector", "s1", "--key", _ed, "--selector", "s2");

        var run = await CliRun.RunWithInput(signed.Output, "verify", "--keys", _zone, "--authserv-id", "mx.example.net");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Authentication-Results: mx.example.net;", run.OutputText);
        Assert.Equal(2, run.OutputText.Split("dkim=pass").Length - 1);
        Assert.Contains("header.d=example.com", run.OutputText);
        Assert.Contains("header.s=s2", run.OutputText);
        Assert.Contains("header.a=ed25519-sha256", run.OutputText);
    }

    [Fact]
    public async Task Verify_Json_GivesFromDomainAndOneEntryPerSignature()
    {
        var signed = await CliRun.RunWithInput(Message, "sign", "--domain", "example.com", "--key", _rsa);

        var run = await CliRun.RunWithInput(signed.Output, "verify", "--keys", _zone, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.OutputText);
        Assert.Equal("example.com", json.RootElement.GetProperty("from").GetProperty("domain").GetString());
        var signature = Assert.Single(json.RootElement.GetProperty("signatures").EnumerateArray());
        Assert.Equal("example.com", signature.GetProperty("domain").GetString());
        Assert.Equal("s1", signature.GetProperty("selector").GetString());
        Assert.Equal("rsa-sha256", signature.GetProperty("algorithm").GetString());
        Assert.Equal("pass", signature.GetProperty("result").GetString());
        Assert.True(signature.GetProperty("aligned").GetBoolean());
        Assert.False(string.IsNullOrEmpty(signature.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Verify_TamperedBody_ExitsOneWithTheReason()
    {
        var signed = await CliRun.RunWithInput(Message, "sign", "--domain", "example.com", "--key", _rsa);
        var tampered = Encoding.UTF8.GetBytes(signed.OutputText.Replace("Bob", "Eve", StringComparison.Ordinal));

        var run = await CliRun.RunWithInput(tampered, "verify", "--keys", _zone);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("dkim=fail", run.OutputText);
        Assert.Contains("body hash mismatch", run.OutputText);
    }

    [Fact]
    public async Task Verify_DnsServerSilent_ExitsSeventyFiveWithTemperror()
    {
        var signed = await CliRun.RunWithInput(Message, "sign", "--domain", "example.com", "--key", _rsa);
        using var silent = new SilentUdpEndpoint();

        var run = await CliRun.RunWithInput(signed.Output, "verify", "--resolver", silent.Endpoint.ToString(), "--timeout", "1s");

        Assert.Equal(75, run.ExitCode);
        Assert.Contains("dkim=temperror", run.OutputText);
    }

    [Fact]
    public async Task Verify_PublicSuffixListFromFile_DecidesAlignment()
    {
        // A list where example.com is itself a public suffix: mail.example.com and other.example.com are then
        // different organizations, so d=example.com is not aligned with From mail.example.com.
        string list = _temp.File("psl.dat");
        File.WriteAllText(list, "com\nexample.com\n");
        string message = Message.Replace("alice@example.com", "alice@mail.example.com", StringComparison.Ordinal);
        var signed = await CliRun.RunWithInput(message, "sign", "--domain", "example.com", "--key", _rsa);

        var shipped = await CliRun.RunWithInput(signed.Output, "verify", "--keys", _zone, "--json");
        var custom = await CliRun.RunWithInput(signed.Output, "verify", "--keys", _zone, "--json", "--public-suffix-list", list);

        Assert.Contains("\"aligned\":true", shipped.OutputText);
        Assert.Contains("\"aligned\":false", custom.OutputText);
    }

    [Fact]
    public async Task Verify_NoSignature_ExitsOneWithDkimNone()
    {
        var run = await CliRun.RunWithInput(Message, "verify", "--keys", _zone);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("dkim=none", run.OutputText);
    }

    [Fact]
    public async Task Verify_Rfc8463VectorAtItsTime_Passes()
    {
        string vector = Signet.Testing.RepositoryPaths.Vector("rfc", "rfc8463-A3.eml");
        string keys = Signet.Testing.RepositoryPaths.Vector("rfc", "dns.txt");

        var run = await CliRun.Run("verify", "--keys", keys, "--at", "2018-06-11T00:00:00Z", "--in", vector);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.OutputText.Split("dkim=pass").Length - 1);
    }

    [Fact]
    public async Task Verify_ExpiredSignatureAsOfLater_ExitsOne()
    {
        var signed = await CliRun.RunWithInput(Message, "sign", "--domain", "example.com", "--key", _rsa, "--expire", "1h");
        string later = DateTimeOffset.UtcNow.AddHours(3).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await CliRun.RunWithInput(signed.Output, "verify", "--keys", _zone, "--at", later);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("expired", run.OutputText);
    }

    [Theory]
    [InlineData("--headers", "To,Subject", "must include From")]
    [InlineData("--headers", "From,Received", "Received cannot be signed")]
    [InlineData("--canon", "loose/relaxed", "expected relaxed/relaxed")]
    [InlineData("--expire", "soon", "expected a duration")]
    public async Task Sign_BadOption_ExitsTwoWithOneLine(string option, string value, string expected)
    {
        var run = await CliRun.RunWithInput(Message, "sign", "--domain", "example.com", "--key", _rsa, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("sign")]
    public async Task BinaryGarbage_ExitsTwoWithoutAStackTrace(string command)
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        var args = command == "sign" ? new[] { "sign", "--domain", "example.com", "--key", _rsa } : new[] { "verify", "--keys", _zone };

        var run = await CliRun.RunWithInput(garbage, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a mail message", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Verify_HugeHeaderSection_IsRefusedClearly()
    {
        var header = Encoding.ASCII.GetBytes("X-Filler: " + new string('a', 990) + "\r\n");
        var input = new byte[header.Length * 6000];
        for (int i = 0; i < 6000; i++)
        {
            header.CopyTo(input, i * header.Length);
        }

        var run = await CliRun.RunWithInput(input, "verify", "--keys", _zone);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("header section is larger than", run.Error);
    }

    [Fact]
    public async Task Sign_LargeBody_IsSpooledAndCopiedExactly()
    {
        var body = new StringBuilder();
        for (int i = 0; i < 350_000; i++)
        {
            body.Append("line ").Append(i).Append(" of a large message body\n");
        }

        string message = Message + body;
        var run = await CliRun.RunWithInput(message, "sign", "--domain", "example.com", "--key", _ed, "--selector", "s2");

        Assert.Equal(0, run.ExitCode);
        Assert.True(message.Length > 8 * 1024 * 1024);
        Assert.EndsWith(message, run.OutputText, StringComparison.Ordinal);
        var verified = await CliRun.RunWithInput(run.Output, "verify", "--keys", _zone);
        Assert.Equal(0, verified.ExitCode);
    }

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    private const string Message =
        "From: Alice <alice@example.com>\n" +
        "To: Bob <bob@example.net>\n" +
        "Subject: Lunch\n" +
        "Date: Sat, 28 Nov 2026 12:00:00 +0000\n" +
        "Message-ID: <lunch@example.com>\n" +
        "\n" +
        "Bob,\n\nlunch at noon?   \n\n\n";
}
