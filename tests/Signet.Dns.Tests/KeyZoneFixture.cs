using Signet.Testing;

namespace Signet.Dns.Tests;

/// <summary>One nsd serving example.com with the records the lookup tests read, and broken.test, a zone that fails
/// to load. The tests only read it.</summary>
public sealed class KeyZoneFixture : IAsyncLifetime
{
    public const string Zone = "example.com";
    public const string BrokenZone = "broken.test";

    /// <summary>Three character-strings with the bytes zone files and DNS escape: ';', '\', '"' and two bytes
    /// above 127 (\200 and \255).</summary>
    public static readonly string[] Records =
    [
        "s1._domainkey IN TXT \"v=DKIM1; k=rsa; \" \"p=AB\\;C\\\\D\\\"E\" \"\\200\\255tail\"",
        "mail IN A 127.0.0.2",
        "tricky IN TXT \"\\\\200\\200\" \"caf\\195\\169\" \"\\\\\\\"\"",
        "multi IN TXT \"first\"",
        "multi IN TXT \"second\" \"part\"",
        "multi IN TXT \"third\"",
    ];

    public AuthoritativeDnsServer Server { get; } = new AuthoritativeDnsServer()
        .AddZone(Zone, Records)
        .AddZone(BrokenZone, ["s1._domainkey IN TXT \"v=DKIM1; p=\""]);

    public async Task InitializeAsync()
    {
        await Server.StartAsync(CancellationToken.None);
        await Server.BreakZoneAsync(BrokenZone, CancellationToken.None);
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}
