using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Signet.Interop.Tests.Messages;
using Signet.Interop.Tests.Peers;

namespace Signet.Interop.Tests.Matrix;

/// <summary>Writes docs/interop.md from the matrix's outcomes. The layout is stable (peers, keys and
/// canonicalizations in a fixed order, no timings) so a change in the file is a change in behaviour; the only line
/// that moves on its own is the date it was generated.</summary>
public static partial class InteropReport
{
    public static string Render(IReadOnlyList<PeerResults> peers, IReadOnlyList<InteropKey> keys, DateOnly generatedOn)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var text = new StringBuilder();
        Line(text, "# Interoperability");
        Line(text);
        Line(text, "Signet is tested in both directions against other DKIM implementations, all reading the keys from a real");
        Line(text, "authoritative DNS server (nsd on loopback) that serves the records exactly as `signet dns-record --format zone`");
        Line(text, "prints them. Signet signs with `signet sign` and the peer verifies; the peer signs and `signet verify --resolver`");
        Line(text, "verifies (a pass is exit status 0 with `dkim=pass`). Every signed message is also changed after signing (a line");
        Line(text, "inserted at the start of the body) and that copy must fail, so a verifier that passes everything is caught.");
        Line(text);
        Line(text, "This page is written by the tests (`dotnet test tests/Signet.Interop.Tests`) at the end of each run; do not edit");
        Line(text, "it by hand: change `tests/Signet.Interop.Tests/Matrix/InteropReport.cs` or `KnownDeviation.cs` instead.");
        Line(text);
        Line(text, $"Generated on {generatedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
        Line(text);
        WritePeers(text, peers);
        WriteSetup(text, keys);
        WriteMatrix(text, peers, keys);
        WriteDeviations(text, peers);
        WriteFailures(text, peers);
        WriteNotes(text);
        return text.ToString();
    }

    private static void WritePeers(StringBuilder text, IReadOnlyList<PeerResults> peers)
    {
        Line(text, "## Peers");
        Line(text);
        Line(text, "| peer | ed25519-sha256 | Signet → peer (passed/tried) | peer → Signet (passed/tried) | changed copies rejected (peer / Signet) |");
        Line(text, "|---|---|---|---|---|");
        foreach (var peer in peers)
        {
            var signetSigns = peer.Outcomes.Where(o => o.Case.Direction == InteropDirection.SignetSigns).ToList();
            var peerSigns = peer.Outcomes.Where(o => o.Case.Direction == InteropDirection.PeerSigns).ToList();
            Line(text, $"| {peer.Name} | {(peer.SupportsEd25519 ? "yes" : "no")} | {Passed(signetSigns)} | {Passed(peerSigns)} " +
                $"| {Rejected(signetSigns)} / {Rejected(peerSigns)} |");
        }

        Line(text);
    }

    private static void WriteSetup(StringBuilder text, IReadOnlyList<InteropKey> keys)
    {
        Line(text, "## What is tried");
        Line(text);
        Line(text, $"- Keys, each under its own selector of `interop.test`: {string.Join(", ", keys.Select(k => $"{k.Name} ({k.Algorithm})"))}. " +
            "Ed25519 only with peers that support it.");
        Line(text, $"- Canonicalizations (header/body): {string.Join(", ", InteropMatrix.Canonicalizations)}.");
        Line(text, $"- Messages (`tests/vectors/interop/`, byte-exact), every one with every key and canonicalization, except " +
            $"`{InteropMessages.LargeName}`, which runs with {InteropMatrix.LargeKey} and {InteropMatrix.LargeCanonicalization} only, " +
            "in each direction, to keep the run short:");
        Line(text);
        Line(text, "| message | what it exercises |");
        Line(text, "|---|---|");
        foreach (var message in InteropMessages.All)
        {
            Line(text, $"| `{message.Name}` | {message.Description} |");
        }

        Line(text);
        Line(text, "Each peer signs with its own defaults for the header fields to sign, as its users would.");
        Line(text);
    }

    private static void WriteMatrix(StringBuilder text, IReadOnlyList<PeerResults> peers, IReadOnlyList<InteropKey> keys)
    {
        Line(text, "## The matrix");
        Line(text);
        Line(text, "Counts are passed/tried; \"changed\" columns count changed copies the verifier rejected. A cell marked");
        Line(text, "\"known\" holds combinations that fail because of a peer deviation described below.");
        Line(text);
        Line(text, "| peer | algorithm | key size | canonicalization | Signet → peer | changed, peer rejects | peer → Signet | changed, Signet rejects |");
        Line(text, "|---|---|---|---|---|---|---|---|");
        foreach (var peer in peers)
        {
            foreach (var key in keys.Where(k => peer.SupportsEd25519 || k.Algorithm != "ed25519-sha256"))
            {
                foreach (string canonicalization in InteropMatrix.Canonicalizations)
                {
                    var signetSigns = Select(peer, InteropDirection.SignetSigns, key, canonicalization);
                    var peerSigns = Select(peer, InteropDirection.PeerSigns, key, canonicalization);
                    Line(text, $"| {peer.Name} | {key.Algorithm} | {key.Bits} | {canonicalization} | {Passed(signetSigns)} | {Rejected(signetSigns)} " +
                        $"| {Passed(peerSigns)} | {Rejected(peerSigns)} |");
                }
            }
        }

        Line(text);
    }

    private static void WriteDeviations(StringBuilder text, IReadOnlyList<PeerResults> peers)
    {
        Line(text, "## Where a peer differs from Signet, and why Signet is right");
        Line(text);
        var ids = peers.Select(p => p.Id).ToHashSet();
        var deviations = KnownDeviation.All.Where(d => ids.Contains(d.Peer)).ToList();
        if (deviations.Count == 0)
        {
            Line(text, "No peer departs from the RFCs on this message set.");
            Line(text);
            return;
        }

        foreach (var deviation in deviations)
        {
            var peer = peers.Single(p => p.Id == deviation.Peer);
            var covered = peer.Outcomes.Where(o => deviation.Covers(o.Case)).ToList();
            Line(text, $"### {peer.Name}: {deviation.Title}");
            Line(text);
            Line(text, deviation.Explanation);
            Line(text);
            Line(text, $"Combinations affected: {covered.Count}, of which {covered.Count(o => !o.Passed)} failed as expected. " +
                "What the verifiers said, one per direction:");
            Line(text);
            foreach (var direction in Enum.GetValues<InteropDirection>())
            {
                if (covered.FirstOrDefault(o => o.Case.Direction == direction && !o.Passed) is { } example)
                {
                    Line(text, $"- {Escape(example.DescribeFailure())}");
                }
            }

            Line(text);
        }
    }

    private static void WriteFailures(StringBuilder text, IReadOnlyList<PeerResults> peers)
    {
        Line(text, "## Unexplained failures");
        Line(text);
        var failures = peers.SelectMany(p => p.Outcomes)
            .SelectMany(o => (o.Passed || KnownDeviation.For(o.Case) is not null ? [] : new[] { o.DescribeFailure() })
                .Concat(o.TamperedRejected ? [] : [o.DescribeTamperedPass()]))
            .ToList();
        Line(text, failures.Count == 0 ? "None: every combination not explained above passed, and every changed copy was rejected." : $"{failures.Count}:");
        foreach (string failure in failures)
        {
            Line(text, $"- {Escape(failure)}");
        }

        Line(text);
    }

    private static void WriteNotes(StringBuilder text)
    {
        Line(text, "## Other observed differences (not failures)");
        Line(text);
        foreach (string note in InteropNotes.All)
        {
            Line(text, $"- {note}");
        }
    }

    private static List<InteropOutcome> Select(PeerResults peer, InteropDirection direction, InteropKey key, string canonicalization) =>
        [.. peer.In(direction, canonicalization).Where(o => o.Case.Key.Name == key.Name)];

    private static string Passed(IReadOnlyCollection<InteropOutcome> outcomes)
    {
        int known = outcomes.Count(o => !o.Passed && KnownDeviation.For(o.Case) is not null);
        string count = $"{outcomes.Count(o => o.Passed)}/{outcomes.Count}";
        return known == 0 ? count : $"{count} ({known} known)";
    }

    private static string Rejected(IReadOnlyCollection<InteropOutcome> outcomes) => $"{outcomes.Count(o => o.TamperedRejected)}/{outcomes.Count}";

    // header.b= changes with every signature; without it the file only changes when behaviour does.
    private static string Escape(string text) =>
        SignatureValue().Replace(text, string.Empty).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    [GeneratedRegex(@" header\.b=[^\s""]+")]
    private static partial Regex SignatureValue();

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
