using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Signet.Interop.Tests.Peers;

/// <summary>OpenDKIM as a mail server runs it: the opendkim milter, with a small client playing Postfix. One
/// verifying milter serves the peer's lifetime; signing starts one milter per key, domain and canonicalization,
/// since opendkim takes those from its configuration, and keeps it for later batches.</summary>
/// <remarks>Debian builds the milter with libunbound, whose configuration (opendkim's
/// <c>ResolverConfiguration</c>) points key lookups at the zone's loopback nsd, so no network namespace and no
/// change to the system resolver are needed.</remarks>
public sealed partial class OpenDkimPeer : IDkimPeer
{
    private const string NotInstalled = "the OpenDKIM milter is not installed: apt-get install opendkim";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("signet-opendkim-");
    private readonly string _resolverConfiguration;
    private readonly Dictionary<SignerSettings, OpenDkimMilter> _signers = [];
    private readonly SemaphoreSlim _signing = new(1, 1);
    private OpenDkimMilter? _verifier;
    private int _runs;

    private OpenDkimPeer(string name, string resolverConfiguration)
    {
        Name = name;
        _resolverConfiguration = resolverConfiguration;
    }

    public string Name { get; }

    /// <summary>OpenDKIM 2.11 signs and verifies ed25519-sha256 when built with OpenSSL 1.1.1 or later.</summary>
    public bool SupportsEd25519 => true;

    /// <summary>Starts the verifying milter, resolving keys from <paramref name="zone"/>'s server.</summary>
    public static async Task<OpenDkimPeer> StartAsync(InteropZone zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        RequireInstalled();
        string version = await ReadVersionAsync(cancellationToken).ConfigureAwait(false);
        var peer = new OpenDkimPeer($"OpenDKIM {version}", "unbound.conf");
        try
        {
            string resolver = Path.Combine(peer._directory.FullName, peer._resolverConfiguration);
            await File.WriteAllTextAsync(resolver, OpenDkimConfiguration.Resolver(zone.Origin, zone.Endpoint), cancellationToken).ConfigureAwait(false);
            peer._verifier = await OpenDkimMilter.StartAsync(
                peer.NewDirectory("verifier"), [.. OpenDkimConfiguration.Common(resolver), .. OpenDkimConfiguration.Verifier()], cancellationToken)
                .ConfigureAwait(false);
            return peer;
        }
        catch
        {
            await peer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<IReadOnlyList<byte[]>> SignAsync(IReadOnlyList<PeerSignRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var signed = new byte[requests.Count][];
        await _signing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var groups = requests.Select((request, index) => (Request: request, Index: index))
                .GroupBy(entry => SignerSettings.For(entry.Request))
                .ToList();
            await StartSignersAsync(groups.Select(g => g.Key), cancellationToken).ConfigureAwait(false);
            foreach (var group in groups)
            {
                var milter = _signers[group.Key];
                var messages = group.Select(entry => AsMtaPassesIt(entry.Request.Message)).ToList();
                var transactions = await OpenDkimMilterClient.RunAsync(milter.SocketPath, messages, cancellationToken).ConfigureAwait(false);
                int position = 0;
                foreach (var (request, index) in group)
                {
                    signed[index] = Signed(messages[position], transactions[position++], group.Key, index, milter);
                }
            }
        }
        finally
        {
            _signing.Release();
        }

        return signed;
    }

    public async Task<IReadOnlyList<PeerVerdict>> VerifyAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var verifier = _verifier ?? throw new ObjectDisposedException(nameof(OpenDkimPeer));
        var transactions = await OpenDkimMilterClient.RunAsync(verifier.SocketPath, [.. messages.Select(AsMtaPassesIt)], cancellationToken).ConfigureAwait(false);
        string diagnostics = transactions.Any(t => t.Error is not null) ? verifier.Diagnostics() : string.Empty;
        return [.. transactions.Select(t => Verdict(t, diagnostics))];
    }

    /// <summary>An MTA hands a milter CRLF lines whatever the file on disk had (Postfix converts bare LF), so
    /// bare LF becomes CRLF here as it would in the mail flow.</summary>
    private static byte[] AsMtaPassesIt(byte[] message)
    {
        var converted = new List<byte>(message.Length + message.Length / 40);
        for (int i = 0; i < message.Length; i++)
        {
            if (message[i] == (byte)'\n' && (i == 0 || message[i - 1] != (byte)'\r'))
            {
                converted.Add((byte)'\r');
            }

            converted.Add(message[i]);
        }

        return [.. converted];
    }

    public async ValueTask DisposeAsync()
    {
        // Each milter takes up to five seconds to notice SIGTERM, so they stop together.
        List<OpenDkimMilter> milters = [.. _signers.Values];
        if (_verifier is { } verifier)
        {
            milters.Add(verifier);
        }

        _signers.Clear();
        _verifier = null;
        await Task.WhenAll(milters.Select(m => m.DisposeAsync().AsTask())).ConfigureAwait(false);
        _signing.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the directory is under the temp folder and harmless.
        }
    }

    private async Task StartSignersAsync(IEnumerable<SignerSettings> settings, CancellationToken cancellationToken)
    {
        var starting = settings.Where(s => !_signers.ContainsKey(s))
            .Select(async s => (Settings: s, Milter: await StartSignerAsync(s, cancellationToken).ConfigureAwait(false)))
            .ToList();
        try
        {
            await Task.WhenAll(starting).ConfigureAwait(false);
        }
        finally
        {
            // Those that did start are stopped on dispose, even when another failed.
            foreach (var task in starting.Where(t => t.IsCompletedSuccessfully))
            {
                _signers.Add(task.Result.Settings, task.Result.Milter);
            }
        }
    }

    private async Task<OpenDkimMilter> StartSignerAsync(SignerSettings settings, CancellationToken cancellationToken)
    {
        string directory = NewDirectory("signer");
        string keyTable = Path.Combine(directory, "KeyTable");
        string signingTable = Path.Combine(directory, "SigningTable");
        const string keyName = "interop";
        await File.WriteAllTextAsync(keyTable, OpenDkimConfiguration.KeyTable(keyName, settings.Domain, settings.Selector, settings.KeyPath), cancellationToken)
            .ConfigureAwait(false);
        await File.WriteAllTextAsync(signingTable, OpenDkimConfiguration.SigningTable(keyName), cancellationToken).ConfigureAwait(false);
        string resolver = Path.Combine(_directory.FullName, _resolverConfiguration);
        return await OpenDkimMilter.StartAsync(
            directory,
            [.. OpenDkimConfiguration.Common(resolver), .. OpenDkimConfiguration.Signer(keyTable, signingTable, settings.Canonicalization, settings.Algorithm)],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The message as the MTA passes it on: the milter's DKIM-Signature on top, the rest unchanged.</summary>
    private static byte[] Signed(byte[] message, OpenDkimTransaction transaction, SignerSettings settings, int index, OpenDkimMilter milter)
    {
        var signatures = transaction.AddedFields
            .Where(f => Encoding.Latin1.GetString(f).StartsWith("DKIM-Signature:", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (transaction.Error is not null || signatures.Count != 1)
        {
            // The message goes on unsigned, as it would through an MTA; the matrix then records the failure and
            // Signet's verdict on it (no signature), and docs/interop.md explains the known cases.
            return message;
        }

        return [.. signatures[0], .. message];
    }

    private static PeerVerdict Verdict(OpenDkimTransaction transaction, string diagnostics)
    {
        if (transaction.Error is not null)
        {
            return new PeerVerdict(false, $"milter conversation failed: {transaction.Error} {diagnostics}".TrimEnd());
        }

        var results = transaction.Fields("Authentication-Results").Select(Unfold).ToList();
        if (results.Count == 0)
        {
            return new PeerVerdict(false, $"no Authentication-Results; the milter replied {transaction.ReplyName}");
        }

        return new PeerVerdict(results.Any(r => DkimPass().IsMatch(r)), string.Join(" | ", results));
    }

    /// <summary>One line, without the field name (RFC 5322 §2.2.3).</summary>
    private static string Unfold(string field) =>
        Whitespace().Replace(field[(field.IndexOf(':', StringComparison.Ordinal) + 1)..], " ").Trim();

    private string NewDirectory(string purpose)
    {
        int run = Interlocked.Increment(ref _runs);
        return Directory.CreateDirectory(Path.Combine(_directory.FullName, $"{purpose}-{run}")).FullName;
    }

    private static void RequireInstalled()
    {
        if (!File.Exists(OpenDkimMilter.OpenDkimPath))
        {
            throw new InvalidOperationException(NotInstalled);
        }
    }

    /// <summary>The version from <c>opendkim -V</c>, e.g. "2.11.0".</summary>
    private static async Task<string> ReadVersionAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(OpenDkimMilter.OpenDkimPath, ["-V"]) { UseShellExecute = false, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException(NotInstalled);
        string output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var match = FilterVersion().Match(output);
        return match.Success ? match.Groups[1].Value : "(unknown version)";
    }

    [GeneratedRegex(@"(?:^|[;\s])dkim=pass\b", RegexOptions.CultureInvariant)]
    private static partial Regex DkimPass();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"Filter v(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex FilterVersion();

    /// <summary>What one signing milter is configured with.</summary>
    private readonly record struct SignerSettings(string Domain, string Selector, string KeyPath, string Algorithm, string Canonicalization)
    {
        public static SignerSettings For(PeerSignRequest request)
        {
            var key = request.Key;
            string canonicalization = $"{CheckCanonicalization(request.HeaderCanonicalization)}/{CheckCanonicalization(request.BodyCanonicalization)}";
            return key.Algorithm switch
            {
                // PKCS#1 is what opendkim-genkey writes; the Ed25519 key is read from PKCS#8.
                "rsa-sha256" => new(request.Domain, key.Selector, key.Pkcs1PemPath, key.Algorithm, canonicalization),
                "ed25519-sha256" => new(request.Domain, key.Selector, key.Pkcs8PemPath, key.Algorithm, canonicalization),
                _ => throw new ArgumentException($"OpenDKIM is not asked to sign with {key.Algorithm}", nameof(request)),
            };
        }

        private static string CheckCanonicalization(string name) =>
            name is "simple" or "relaxed" ? name : throw new ArgumentException($"unknown canonicalization {name}", nameof(name));
    }
}
