using System.Text;
using System.Text.RegularExpressions;
using Signet.Interop.Tests.Matrix;
using Signet.Interop.Tests.Peers;
using Signet.Testing;

namespace Signet.Interop.Tests;

/// <summary>One set-up for the whole interop run: the keys (made with <c>signet keygen</c>), their records (from
/// <c>signet dns-record --format zone</c>) served by a real nsd on loopback, a second zone of records published
/// wrong on purpose for <c>check-dns</c>, and the matrix that runs every peer once and keeps the results.</summary>
public sealed partial class InteropFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string Domain = "interop.test";
    public const string ChecksDomain = "checks.test";

    private readonly DirectoryInfo _keyFolder = Directory.CreateTempSubdirectory("signet-interop-keys-");
    private AuthoritativeDnsServer? _dns;
    private IReadOnlyList<InteropKey>? _keys;
    private InteropZone? _zone;
    private InteropMatrix? _matrix;

    public IReadOnlyList<InteropKey> Keys => _keys ?? throw NotStarted();

    public InteropZone Zone => _zone ?? throw NotStarted();

    public InteropMatrix Matrix => _matrix ?? throw NotStarted();

    /// <summary>The <c>--resolver</c> value for the signet CLI: the loopback nsd.</summary>
    public string Resolver => $"{Zone.Endpoint.Address}:{Zone.Endpoint.Port}";

    /// <summary>The port nsd answers on, for commands that ask the zone's authoritative servers directly (its NS is
    /// localhost).</summary>
    public string AuthoritativePort => Zone.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public InteropKey Key(string name) =>
        Keys.FirstOrDefault(k => k.Name == name) ?? throw new ArgumentException($"no interop key is named {name}", nameof(name));

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var cancellationToken = timeout.Token;
        _keys = await InteropKeySet.CreateAsync(_keyFolder.FullName, cancellationToken);
        var records = new Dictionary<string, string>();
        foreach (var key in _keys)
        {
            byte[] line = await SignetCli.RunCheckedAsync(
                [], ["dns-record", "--key", key.Pkcs8PemPath, "--domain", Domain, "--selector", key.Selector, "--format", "zone"], cancellationToken);
            records[key.Name] = Encoding.ASCII.GetString(line).Trim();
        }

        _dns = new AuthoritativeDnsServer()
            .AddZone(Domain, records.Values)
            .AddZone(ChecksDomain, FaultyRecords(records));
        await _dns.StartAsync(cancellationToken);
        _zone = new InteropZone(Domain, [.. records.Values], _dns.Endpoint);
        _matrix = new InteropMatrix(_zone, _keys, Resolver);
    }

    public async Task DisposeAsync()
    {
        if (_matrix is not null)
        {
            await _matrix.DisposeAsync();
            _matrix = null;
        }

        if (_dns is not null)
        {
            await _dns.DisposeAsync();
            _dns = null;
        }

        if (Directory.Exists(_keyFolder.FullName))
        {
            _keyFolder.Delete(recursive: true);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    // The records of KeyRecordFault.All, made from the real ones so only the intended fault differs.
    private static IEnumerable<string> FaultyRecords(Dictionary<string, string> records)
    {
        string rsa2048 = RecordValue(records["rsa2048"]);
        string rsa1024 = RecordValue(records["rsa1024"]);
        yield return $"cut._domainkey IN TXT \"{rsa2048[..255]}\"";
        yield return ZoneLine("twice", rsa2048);
        yield return ZoneLine("twice", rsa1024);
        yield return "revoked._domainkey IN TXT \"v=DKIM1; k=rsa; p=\"";
        yield return ZoneLine("testing", rsa2048.Replace("v=DKIM1; ", "v=DKIM1; t=y; ", StringComparison.Ordinal));
        yield return ZoneLine("other", rsa1024);
    }

    private static string RecordValue(string zoneLine) =>
        string.Concat(QuotedString().Matches(zoneLine).Select(m => m.Groups[1].Value));

    // RFC 1035 §3.3.14: a TXT record is a sequence of strings of at most 255 bytes each.
    private static string ZoneLine(string selector, string value) =>
        $"{selector}._domainkey IN TXT ( " + string.Join(' ', value.Chunk(255).Select(c => $"\"{new string(c)}\"")) + " )";

    private static InvalidOperationException NotStarted() => new("the interop fixture is not initialized");

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex QuotedString();
}
