using System.Net;
using Signet.Dkim.Alignment;
using Signet.Dkim.Keys;
using Signet.Dkim.Lookup;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Mail;
using Signet.Mail.Policy;
using Signet.Testing;

namespace Signet.Relay.Tests.Support;

/// <summary>A relay on a loopback port in front of an <see cref="SmtpSink"/> (or another next hop), signing for
/// football.example.com with an Ed25519 key, keys served from memory unless a test gives its own source.</summary>
internal sealed class RelayHarness : IAsyncDisposable
{
    public const string AuthservId = "relay.signet.test";
    public const string Domain = "football.example.com";
    public const string Selector = "s1";

    private RelayHarness(RelayServer server, SmtpSink? sink, InMemoryTxtSource keys)
    {
        Server = server;
        Sink = sink;
        Keys = keys;
    }

    public RelayServer Server { get; }

    public SmtpSink? Sink { get; }

    public InMemoryTxtSource Keys { get; }

    public IPEndPoint Endpoint => Server.LocalEndPoint!;

    public static DkimSigningRequest Request => new(TestKeys.Ed25519, Domain, Selector);

    public static RelayOptions Options(IPEndPoint nextHop) => new()
    {
        Listen = "127.0.0.1:0",
        NextHop = nextHop.ToString(),
        HostName = "relay.signet.test",
        NextHopTimeout = TimeSpan.FromSeconds(5),
    };

    public static MailOptions Mail => new() { AuthservId = AuthservId };

    /// <summary>Starts a sink and a relay to it; <paramref name="configure"/> adjusts the options.</summary>
    public static async Task<RelayHarness> StartAsync(Func<RelayOptions, RelayOptions>? configure = null, IMailSigningPolicy? policy = null,
        ITxtRecordSource? keySource = null, IRelayUserAuthenticator? authenticator = null, IPEndPoint? nextHop = null, MailOptions? mail = null)
    {
        var sink = nextHop is null ? SmtpSink.Start() : null;
        var options = Options(nextHop ?? sink!.Endpoint);
        options = configure?.Invoke(options) ?? options;
        var keys = new InMemoryTxtSource().Add($"{Selector}._domainkey.{Domain}", DkimKeyRecord.Format(TestKeys.Ed25519.PublicKey));
        var server = new RelayServer(options, mail ?? Mail, policy ?? FixedSigningPolicy.SignWith(Request), keySource ?? keys,
            new PublicSuffixListResolver(PublicSuffixList.Embedded), authenticator);
        await server.StartAsync(CancellationToken.None);
        return new RelayHarness(server, sink, keys);
    }

    /// <summary>Verifies a delivered message with the engine against the in-memory keys.</summary>
    public async Task<IReadOnlyList<DkimSignatureResult>> VerifyAsync(byte[] delivered)
    {
        var (header, body) = TestMessages.Split(delivered);
        return await new DkimVerifier(Keys).VerifyAsync(header, body);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (Sink is not null)
        {
            await Sink.DisposeAsync();
        }
    }
}
