using System.Net;
using System.Net.Sockets;
using System.Text;
using Signet.Store.Security;
using Signet.Testing;

namespace Signet.Reliability.Tests.Security;

/// <summary>The relay's SMTP AUTH and the console's sign-in share one limiter in a real <c>signet serve</c>: password
/// guessing over SMTP is slowed like guessing in the console, throttled attempts get 454 4.7.0 without a password
/// check, and a user slowed down on one front end is slowed down on the other.</summary>
[Trait("Tier", "Integration")]
public sealed class SharedSignInThrottleTests
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task RelayAuth_AfterTheFreeFailures_Gets454AndTheRightPasswordIsNotChecked()
    {
        await using var world = await ServeWithRelay.StartAsync();
        await using var smtp = await RawSmtp.ConnectAsync(world.RelayEndpoint);
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerUser; i++)
        {
            Assert.StartsWith("535 5.7.8", await smtp.AuthPlainAsync("alice", "wrong password " + i), StringComparison.Ordinal);
        }

        string right = await smtp.AuthPlainAsync("alice", Password);

        Assert.StartsWith("454 4.7.0", right, StringComparison.Ordinal);
        // The log is written by a background thread: the line may follow the reply by a moment.
        await Eventually.Until(() => world.Serve.Output.Contains("authentication throttled for alice from 127.0.0.1", StringComparison.Ordinal),
            "the throttled attempt is logged with the client address\n" + world.Serve.Output);
        Assert.Contains("authentication failed for alice from 127.0.0.1", world.Serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelayAuth_AFloodOfWrongPasswords_IsMostlyAnsweredWithoutAPasswordCheck()
    {
        await using var world = await ServeWithRelay.StartAsync();
        await using var smtp = await RawSmtp.ConnectAsync(world.RelayEndpoint);
        var replies = new List<string>();
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerUser + 12; i++)
        {
            replies.Add(await smtp.AuthPlainAsync("alice", "guess " + i));
        }

        // Checked: the free five, then one per doubled delay (2 s, 4 s …) while each throttled reply pauses 1 s.
        int checkedCount = replies.Count(r => r.StartsWith("535", StringComparison.Ordinal));
        Assert.InRange(checkedCount, SignInThrottle.MaximumFailuresPerUser, SignInThrottle.MaximumFailuresPerUser + 4);
        Assert.All(replies.Where(r => !r.StartsWith("535", StringComparison.Ordinal)), r => Assert.StartsWith("454 4.7.0", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RelayAuth_UserSlowedDownOnTheConsole_IsSlowedDownOnTheRelayToo()
    {
        await using var world = await ServeWithRelay.StartAsync();
        await using var smtp = await RawSmtp.ConnectAsync(world.RelayEndpoint);
        using var console = new ConsoleSession(world.Serve.HealthUrl);
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerUser; i++)
        {
            using var wrong = await console.SignInAsync("alice", "not the password " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        string reply = await smtp.AuthPlainAsync("alice", Password);

        Assert.StartsWith("454 4.7.0", reply, StringComparison.Ordinal);
    }

    /// <summary>A store with alice (server admin), and serve with the relay taking SMTP AUTH on loopback.</summary>
    private sealed class ServeWithRelay : IAsyncDisposable
    {
        private readonly TemporaryDirectory _data;
        private readonly SmtpSink _nextHop;

        private ServeWithRelay(TemporaryDirectory data, SmtpSink nextHop, ServeProcess serve, IPEndPoint relay)
        {
            _data = data;
            _nextHop = nextHop;
            Serve = serve;
            RelayEndpoint = relay;
        }

        public ServeProcess Serve { get; }

        public IPEndPoint RelayEndpoint { get; }

        public static async Task<ServeWithRelay> StartAsync()
        {
            var data = new TemporaryDirectory();
            File.WriteAllText(data.File("alice.password"), Password + "\n");
            var added = await ServeProcess.RunToEndAsync(["user", "add", "--data", data.Path, "--name", "alice", "--role", "server-admin", "--password-file", data.File("alice.password")]);
            Assert.True(added.ExitCode == 0, added.Error);
            var nextHop = SmtpSink.Start();
            int relayPort = LoopbackPorts.FindFreeTcpAndUdpPort();
            var environment = new Dictionary<string, string>
            {
                ["SIGNET_Relay__Authentication"] = "true",
                // Plain-text AUTH is allowed on loopback only; this test never leaves 127.0.0.1.
                ["SIGNET_Relay__AuthenticationRequiresTls"] = "false",
            };
            var serve = await ServeProcess.StartAsync(data.Path, ["--relay", $"127.0.0.1:{relayPort}", "--next-hop", nextHop.Endpoint.ToString()], environment);
            return new ServeWithRelay(data, nextHop, serve, new IPEndPoint(IPAddress.Loopback, relayPort));
        }

        public async ValueTask DisposeAsync()
        {
            await Serve.DisposeAsync();
            await _nextHop.DisposeAsync();
            _data.Dispose();
        }
    }

    /// <summary>SMTP over a plain socket, a line at a time, as a password-guessing script would speak it.</summary>
    private sealed class RawSmtp : IAsyncDisposable
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;
        private readonly StreamReader _reader;

        private RawSmtp(TcpClient client)
        {
            _client = client;
            _stream = client.GetStream();
            _reader = new StreamReader(_stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        }

        public static async Task<RawSmtp> ConnectAsync(IPEndPoint server)
        {
            var client = new TcpClient();
            await client.ConnectAsync(server);
            var smtp = new RawSmtp(client);
            Assert.StartsWith("220", await smtp.ReadReplyAsync(), StringComparison.Ordinal);
            Assert.Contains("AUTH", await smtp.CommandAsync("EHLO guesser.signet.test"), StringComparison.Ordinal);
            return smtp;
        }

        public Task<string> AuthPlainAsync(string user, string password) =>
            CommandAsync("AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}")));

        public async Task<string> CommandAsync(string line)
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
            return await ReadReplyAsync();
        }

        public async ValueTask DisposeAsync()
        {
            _reader.Dispose();
            await _stream.DisposeAsync();
            _client.Dispose();
        }

        private async Task<string> ReadReplyAsync()
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var lines = new StringBuilder();
            while (await _reader.ReadLineAsync(deadline.Token) is { } line)
            {
                lines.Append(line).Append('\n');
                if (line.Length < 4 || line[3] != '-')
                {
                    break;
                }
            }

            return lines.ToString();
        }
    }
}
