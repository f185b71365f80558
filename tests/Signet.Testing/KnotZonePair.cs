using System.Net;

namespace Signet.Testing;

/// <summary>One zone on two real Knot servers, as the Internet has them: the primary ns1 on 127.0.0.2, which takes
/// Signet's TSIG-signed updates, and the secondary ns2 on 127.0.0.3, which transfers from it, both on one free port
/// (told to the code under test with <c>DnsResolverOptions.AuthoritativePort</c>). The secondary gets no NOTIFY and
/// its SOA refresh is an hour, so it lags behind every update until <see cref="CatchUpAsync"/>: "every
/// authoritative server serves it" is then a real wait, not a formality.</summary>
[OutsideServer]
public sealed class KnotZonePair : IAsyncDisposable
{
    public static readonly IPAddress PrimaryAddress = IPAddress.Parse("127.0.0.2");
    public static readonly IPAddress SecondaryAddress = IPAddress.Parse("127.0.0.3");

    private KnotZonePair(KnotServer primary, KnotServer secondary)
    {
        PrimaryServer = primary;
        SecondaryServer = secondary;
    }

    public KnotServer PrimaryServer { get; }

    public KnotServer SecondaryServer { get; }

    public string Zone => PrimaryServer.Zone;

    public int Port => PrimaryServer.Port;

    public static async Task<KnotZonePair> StartAsync(string zone, IEnumerable<string> records, CancellationToken cancellationToken, bool acceptsUpdates = true)
    {
        string[] nameServers = [$"ns1.{zone}.", $"ns2.{zone}."];
        string[] lines = [$"ns1 IN A {PrimaryAddress}", $"ns2 IN A {SecondaryAddress}", .. records];
        for (int attempt = 0; ; attempt++)
        {
            int port = LoopbackPorts.FindFreeTcpAndUdpPort();
            var primary = new KnotServer
            {
                Zone = zone, ListenAddress = PrimaryAddress, Port = port, NameServers = nameServers, Records = lines, AcceptsUpdates = acceptsUpdates,
            };
            var secondary = new KnotServer
            {
                Zone = zone, ListenAddress = SecondaryAddress, Port = port, NameServers = nameServers, Primary = new IPEndPoint(PrimaryAddress, port),
                KeyName = primary.KeyName, Secret = primary.Secret,
            };
            try
            {
                await primary.StartAsync(cancellationToken).ConfigureAwait(false);
                await secondary.StartAsync(cancellationToken).ConfigureAwait(false);
                return new KnotZonePair(primary, secondary);
            }
            catch (InvalidOperationException) when (attempt < 4)
            {
                // The port was taken between finding it and knotd binding it: try another.
                await primary.DisposeAsync().ConfigureAwait(false);
                await secondary.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The secondary transfers the primary's changes now.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => SecondaryServer.RefreshAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await SecondaryServer.DisposeAsync().ConfigureAwait(false);
        await PrimaryServer.DisposeAsync().ConfigureAwait(false);
    }
}
