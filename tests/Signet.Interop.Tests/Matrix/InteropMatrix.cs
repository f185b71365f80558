using System.Collections.Concurrent;
using Signet.Interop.Tests.Messages;
using Signet.Interop.Tests.Peers;

namespace Signet.Interop.Tests.Matrix;

/// <summary>Runs the matrix for a peer once, in batches (one peer process per direction), and keeps the outcomes for
/// every test that asks. Signet's signatures are made once and shown to every peer.</summary>
public sealed class InteropMatrix : IAsyncDisposable
{
    public static IReadOnlyList<string> Canonicalizations { get; } = ["simple/simple", "simple/relaxed", "relaxed/simple", "relaxed/relaxed"];

    /// <summary>The 5 MB message runs with this key and canonicalization only, in each direction.</summary>
    public const string LargeKey = "rsa2048";
    public const string LargeCanonicalization = "relaxed/relaxed";

    private static readonly TimeSpan PeerRunTimeout = TimeSpan.FromMinutes(4);

    private readonly InteropZone _zone;
    private readonly IReadOnlyList<InteropKey> _keys;
    private readonly string _resolver;
    private readonly Lazy<Task<IReadOnlyDictionary<string, byte[]>>> _signetSigned;
    private readonly ConcurrentDictionary<string, Lazy<Task<IDkimPeer>>> _peers = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<PeerResults>>> _results = new();

    public InteropMatrix(InteropZone zone, IReadOnlyList<InteropKey> keys, string resolver)
    {
        _zone = zone;
        _keys = keys;
        _resolver = resolver;
        _signetSigned = new(() => SignWithSignetAsync(AllSignetCases(), CancellationToken.None));
    }

    /// <summary>The peer, started once.</summary>
    public Task<IDkimPeer> PeerAsync(string id) =>
        _peers.GetOrAdd(id, _ => new(() => InteropPeers.Find(id).CreateAsync(_zone, CancellationToken.None))).Value;

    /// <summary>Every outcome for the peer, both directions; the first caller runs the batches.</summary>
    public Task<PeerResults> ResultsAsync(string id) =>
        _results.GetOrAdd(id, _ => new(() => RunAsync(id))).Value;

    /// <summary>The combinations a peer is tried with: every key it supports × the four canonicalizations × every
    /// message, the 5 MB one with <see cref="LargeKey"/> and <see cref="LargeCanonicalization"/> only.</summary>
    public IEnumerable<InteropCase> Cases(string peer, InteropDirection direction, bool supportsEd25519) =>
        from key in _keys
        where supportsEd25519 || key.Algorithm != "ed25519-sha256"
        from canonicalization in Canonicalizations
        from message in InteropMessages.All
        where !message.IsLarge || (key.Name == LargeKey && canonicalization == LargeCanonicalization)
        select new InteropCase(peer, direction, key, canonicalization, message);

    /// <summary>Signs with <c>signet sign</c>; extra keys add more signatures to the same message.</summary>
    public async Task<byte[]> SignWithSignetAsync(byte[] message, string canonicalization, IEnumerable<InteropKey> keys, CancellationToken cancellationToken)
    {
        var args = new List<string> { "sign", "--domain", _zone.Origin, "--canon", canonicalization };
        foreach (var key in keys)
        {
            args.AddRange(["--key", key.Pkcs8PemPath, "--selector", key.Selector]);
        }

        return await SignetCli.RunCheckedAsync(message, args, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Verifies with <c>signet verify --resolver</c> at the zone's nsd: pass is exit status 0 with dkim=pass.</summary>
    public async Task<(bool Pass, string Detail)> VerifyWithSignetAsync(byte[] message, CancellationToken cancellationToken)
    {
        var run = await SignetCli.RunAsync(message, ["verify", "--resolver", _resolver, "--authserv-id", "signet.test"], cancellationToken)
            .ConfigureAwait(false);
        string detail = $"exit {run.ExitCode}: {string.Join(' ', run.OutputText.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))} {run.Error.Trim()}".Trim();
        return (run.ExitCode == 0 && run.OutputText.Contains("dkim=pass", StringComparison.Ordinal), detail);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers.Values.Where(p => p.IsValueCreated))
        {
            if (peer.Value.IsCompletedSuccessfully)
            {
                await peer.Value.Result.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private IEnumerable<InteropCase> AllSignetCases() => Cases("signet", InteropDirection.SignetSigns, supportsEd25519: true);

    private static string SignedKey(InteropCase c) => $"{c.Key.Name} {c.Canonicalization} {c.Message.Name}";

    private async Task<IReadOnlyDictionary<string, byte[]>> SignWithSignetAsync(IEnumerable<InteropCase> cases, CancellationToken cancellationToken)
    {
        var signed = new ConcurrentDictionary<string, byte[]>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (c, token) =>
            signed[SignedKey(c)] = await SignWithSignetAsync(c.Message.Bytes, c.Canonicalization, [c.Key], token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return signed;
    }

    private async Task<PeerResults> RunAsync(string id)
    {
        using var timeout = new CancellationTokenSource(PeerRunTimeout);
        var peer = await PeerAsync(id).ConfigureAwait(false);
        var signetSigns = RunSignetSignsAsync(id, peer, timeout.Token);
        var peerSigns = RunPeerSignsAsync(id, peer, timeout.Token);
        await Task.WhenAll(signetSigns, peerSigns).ConfigureAwait(false);
        return new PeerResults(id, peer.Name, peer.SupportsEd25519, [.. signetSigns.Result, .. peerSigns.Result]);
    }

    // Signet signs; the peer verifies every signed message and its tampered copy in one batch.
    private async Task<IReadOnlyList<InteropOutcome>> RunSignetSignsAsync(string id, IDkimPeer peer, CancellationToken cancellationToken)
    {
        var signed = await _signetSigned.Value.ConfigureAwait(false);
        var cases = Cases(id, InteropDirection.SignetSigns, peer.SupportsEd25519).ToList();
        var messages = cases.SelectMany(c => new[] { signed[SignedKey(c)], Tampering.ChangeBody(signed[SignedKey(c)]) }).ToList();
        var verdicts = await peer.VerifyAsync(messages, cancellationToken).ConfigureAwait(false);
        return [.. cases.Select((c, i) => new InteropOutcome(
            c, verdicts[2 * i].Pass, verdicts[2 * i].Detail, !verdicts[(2 * i) + 1].Pass, verdicts[(2 * i) + 1].Detail))];
    }

    // The peer signs every combination in one batch; Signet verifies each signed message and its tampered copy.
    private async Task<IReadOnlyList<InteropOutcome>> RunPeerSignsAsync(string id, IDkimPeer peer, CancellationToken cancellationToken)
    {
        var cases = Cases(id, InteropDirection.PeerSigns, peer.SupportsEd25519).ToList();
        var requests = cases.Select(c => new PeerSignRequest(c.Message.Bytes, c.Key, _zone.Origin, c.HeaderCanonicalization, c.BodyCanonicalization)).ToList();
        var signed = await peer.SignAsync(requests, cancellationToken).ConfigureAwait(false);
        var outcomes = new InteropOutcome[cases.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (i, token) =>
            {
                var (pass, detail) = await VerifyWithSignetAsync(signed[i], token).ConfigureAwait(false);
                var (tamperedPass, tamperedDetail) = await VerifyWithSignetAsync(Tampering.ChangeBody(signed[i]), token).ConfigureAwait(false);
                outcomes[i] = new InteropOutcome(cases[i], pass, detail, !tamperedPass, tamperedDetail);
            }).ConfigureAwait(false);
        return outcomes;
    }
}
