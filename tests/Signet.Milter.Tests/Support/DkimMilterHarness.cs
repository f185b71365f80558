using System.Net;
using Signet.Dkim.Alignment;
using Signet.Dkim.Keys;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Mail;
using Signet.Mail.Policy;
using Signet.Milter.Dkim;
using Signet.Milter.Server;
using Signet.Testing;

namespace Signet.Milter.Tests.Support;

/// <summary>A running milter on a loopback port (or a Unix socket in a temp directory) with the DKIM filter, an
/// in-memory key source, a test signing policy and a logger that keeps entries.</summary>
internal sealed class DkimMilterHarness : IAsyncDisposable
{
    public const string AuthservId = "mx.signet.test";
    public const string Domain = "football.example.com";
    public const string Selector = "s1";

    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly string? _socketDirectory;

    private DkimMilterHarness(MilterServer server, InMemoryTxtSource keys, ListLogger log, string? socketDirectory)
    {
        Server = server;
        Keys = keys;
        Log = log;
        _socketDirectory = socketDirectory;
    }

    public MilterServer Server { get; }

    public InMemoryTxtSource Keys { get; }

    public ListLogger Log { get; }

    public EndPoint EndPoint => Server.LocalEndPoint!;

    public static DkimPrivateKey Key => TestKeys.Ed25519;

    public static DkimSigningRequest Request => new(Key, Domain, Selector);

    public static TimeProvider Clock { get; } = new FixedClock(Now);

    public static MilterOptions DefaultOptions => new() { Listen = "127.0.0.1:0" };

    public static MailOptions DefaultMail => new() { AuthservId = AuthservId };

    public static async Task<DkimMilterHarness> StartAsync(MilterOptions? options = null, IMailSigningPolicy? policy = null, bool unixSocket = false, MailOptions? mail = null)
    {
        options ??= DefaultOptions;
        string? directory = null;
        if (unixSocket)
        {
            directory = Directory.CreateTempSubdirectory("signet-milter-").FullName;
            options = options with { Listen = "unix:" + Path.Combine(directory, "milter.sock") };
        }

        var keys = new InMemoryTxtSource().Add($"{Selector}._domainkey.{Domain}", DkimKeyRecord.Format(Key.PublicKey));
        var log = new ListLogger();
        var factory = new DkimMilterFilterFactory(options, mail ?? DefaultMail, policy ?? TestSigningPolicy.SignWith(Request), keys,
            new PublicSuffixListResolver(PublicSuffixList.Embedded), log, Clock);
        var server = new MilterServer(options, factory, log);
        await server.StartAsync(CancellationToken.None);
        return new DkimMilterHarness(server, keys, log, directory);
    }

    public Task<TestMilterClient> ConnectAsync() => TestMilterClient.ConnectAsync(EndPoint);

    /// <summary>Sends one message on a new connection and returns what the filter did.</summary>
    public async Task<MilterRunResult> SendAsync(string message, TestEnvelope envelope, int chunkSize = 65535)
    {
        await using var client = await ConnectAsync();
        return await client.SendMessageAsync(message, envelope, chunkSize);
    }

    /// <summary>Verifies a delivered message with the engine, against the same keys.</summary>
    public async Task<IReadOnlyList<DkimSignatureResult>> VerifyAsync(byte[] delivered)
    {
        var (header, body) = TestMessages.Split(delivered);
        return await new DkimVerifier(Keys, time: Clock).VerifyAsync(header, body);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (_socketDirectory is not null)
        {
            Directory.Delete(_socketDirectory, recursive: true);
        }
    }
}
