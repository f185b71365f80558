using System.Text;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>Stopping and starting serve under a running Postfix: nothing is lost and nothing leaves unsigned; a
/// message in progress at SIGTERM is finished; a bad setting fails start with one line and exit status 2.</summary>
[Collection(MailFlowGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class ServeLifecycleTests
{
    [Fact]
    public async Task Serve_StoppedThenStarted_PostfixTempfailsAndTheResentMessageArrivesSigned()
    {
        await using var flow = await MailFlow.StartAsync(["example.com"]);
        string message = MailFlow.Message("Alice <alice@example.com>", "while signet is down");
        Assert.True((await flow.SendAsync("alice@example.com", "bob@example.net", MailFlow.Message("Alice <alice@example.com>", "before the stop"))).Accepted);
        Assert.Contains("d=example.com;", (await flow.ReceivedAsync("before the stop")).Text, StringComparison.Ordinal);

        Assert.Equal(0, await flow.StopServeAsync());
        var refused = await flow.SendAsync("alice@example.com", "bob@example.net", message);
        Assert.True(refused.TemporarilyRefused, string.Join(" | ", refused.Replies));

        await flow.StartServeAsync();
        var resent = await flow.SendAsync("alice@example.com", "bob@example.net", message);

        Assert.True(resent.Accepted, string.Join(" | ", resent.Replies));
        var received = await flow.ReceivedAsync("while signet is down");
        // Only the resent copy arrived: the one refused while serve was down was never delivered unsigned.
        Assert.Single(flow.Sink.Messages, m => m.Text.Contains("Subject: while signet is down", StringComparison.Ordinal));
        Assert.StartsWith("DKIM-Signature:", received.Text, StringComparison.Ordinal);
        Assert.Contains("d=example.com;", received.Text, StringComparison.Ordinal);
        Assert.StartsWith("pass ", Assert.Single(await ExternalTools.DkimpyVerifyAsync(flow.Dns.Endpoint, [received.Data])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_SigtermDuringAMessage_FinishesItThenExits()
    {
        using var data = new TemporaryDirectory();
        await ServeKeys.SetUpAsync(data.Path, ["example.com"], serverKey: false);
        await using var serve = await ServeProcess.StartAsync(data.Path, ["--hostname", ServeKeys.HostName]);

        using var signals = new TemporaryDirectory();
        var miltertest = ExternalTools.MiltertestAsync(serve.MilterPort, "slow.lua", TimeSpan.FromSeconds(60), $"ready={signals.File("ready")}", $"go={signals.File("go")}");
        await Eventually.Until(() => File.Exists(signals.File("ready")) || miltertest.IsCompleted, "miltertest sends the header");
        serve.Terminate();
        await Eventually.Until(() => serve.Output.Contains("Stopping: finishing the messages in progress", StringComparison.Ordinal), "serve begins to stop");
        await File.WriteAllTextAsync(signals.File("go"), "send the body\n");
        var (code, log) = await miltertest;

        Assert.True(code == 0, $"miltertest slow.lua exited with {code}:\n{log}\nserve:\n{serve.Output}");
        // It exits by itself once the message is done: a second SIGTERM here would only race its last moments (the
        // host's own handler is gone by then, and the signal's default ends the process with 143).
        Assert.True(await Task.WhenAny(serve.Exited, Task.Delay(TimeSpan.FromSeconds(30))) == serve.Exited,
            "serve did not exit within 30 s of finishing the message:\n" + serve.Output);
        Assert.Equal(0, await serve.StopAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("Milter stopped; 1 sessions were open", serve.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--milter", "127.0.0.1:notaport", "Milter: Listen")]
    [InlineData("--internal-network", "10.0.0.0/33", "Mail: InternalNetworks")]
    [InlineData("--resolver", "dns.example", "Dns: Servers")]
    [InlineData("--urls", "ftp://127.0.0.1:21", "Urls")]
    [InlineData("--hostname", "not a host", "HostName")]
    [InlineData("--bogus", "1", "unknown option --bogus")]
    public async Task Serve_BadOption_FailsStartWithOneLineAndExitTwo(string option, string value, string expected)
    {
        using var data = new TemporaryDirectory();

        var (code, output, error) = await ServeProcess.RunToEndAsync(["serve", "--data", data.Path, option, value]);

        Assert.True(code == 2, $"exit {code}\nstdout:\n{output}\nstderr:\n{error}");
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("signet serve: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(data.Path));
    }

    [Fact]
    public async Task Serve_BadSettingInTheEnvironment_FailsStartWithOneLineAndExitTwo()
    {
        using var data = new TemporaryDirectory();

        var (code, _, error) = await ServeProcess.RunToEndAsync(
            ["serve", "--data", data.Path], new Dictionary<string, string> { ["SIGNET_MILTER__SIGNINGFAILUREACTION"] = "sometimes" });

        Assert.Equal(2, code);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Milter:SigningFailureAction", line, StringComparison.Ordinal);
    }
}
