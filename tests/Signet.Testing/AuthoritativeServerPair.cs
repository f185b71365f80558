using System.Net;

namespace Signet.Testing;

/// <summary>Two real nsd servers of one zone, as the Internet has them: ns1 on 127.0.0.2 and ns2 on 127.0.0.3, both on
/// the same free port (port 53 is not the tests' to take, so the code under test is told the port with
/// <c>DnsResolverOptions.AuthoritativePort</c>). Each can serve its own version of a record, as during a change
/// that has not reached every server yet.</summary>
public sealed class AuthoritativeServerPair : IAsyncDisposable
{
    public static readonly IPAddress FirstAddress = IPAddress.Parse("127.0.0.2");
    public static readonly IPAddress SecondAddress = IPAddress.Parse("127.0.0.3");

    private AuthoritativeServerPair(string zone, AuthoritativeDnsServer first, AuthoritativeDnsServer second)
    {
        Zone = zone;
        First = first;
        Second = second;
    }

    public string Zone { get; }

    /// <summary>ns1.ZONE, also the resolver the code under test asks for the zone's NS records.</summary>
    public AuthoritativeDnsServer First { get; }

    /// <summary>ns2.ZONE.</summary>
    public AuthoritativeDnsServer Second { get; }

    public int Port => First.Endpoint.Port;

    /// <summary>Starts both; <paramref name="firstRecords"/> and <paramref name="secondRecords"/> are each server's
    /// zone-file lines besides SOA, NS and the servers' addresses.</summary>
    public static async Task<AuthoritativeServerPair> StartAsync(string zone, IEnumerable<string> firstRecords, IEnumerable<string> secondRecords, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = LoopbackPorts.FindFreeTcpAndUdpPort();
            var first = Server(zone, FirstAddress, port, firstRecords);
            var second = Server(zone, SecondAddress, port, secondRecords);
            try
            {
                await first.StartAsync(cancellationToken).ConfigureAwait(false);
                await second.StartAsync(cancellationToken).ConfigureAwait(false);
                return new AuthoritativeServerPair(zone, first, second);
            }
            catch (InvalidOperationException) when (attempt < 4)
            {
                // The port was taken on one of the addresses between finding it and nsd binding it: try another.
                await first.DisposeAsync().ConfigureAwait(false);
                await second.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The zone-file lines every server of the zone serves besides a test's records.</summary>
    public static IReadOnlyList<string> ServerRecords => ["ns1 IN A 127.0.0.2", "ns2 IN A 127.0.0.3"];

    public static IReadOnlyList<string> NameServers(string zone) => [$"ns1.{zone}.", $"ns2.{zone}."];

    /// <summary>Replaces one server's records (the servers' own addresses are kept).</summary>
    public Task ReplaceAsync(AuthoritativeDnsServer server, IEnumerable<string> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.ReplaceZoneAsync(Zone, [.. ServerRecords, .. records], cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync().ConfigureAwait(false);
        await Second.DisposeAsync().ConfigureAwait(false);
    }

    private static AuthoritativeDnsServer Server(string zone, IPAddress address, int port, IEnumerable<string> records) =>
        new AuthoritativeDnsServer { ListenAddress = address, Port = port }.AddZone(zone, [.. ServerRecords, .. records], NameServers(zone));
}
