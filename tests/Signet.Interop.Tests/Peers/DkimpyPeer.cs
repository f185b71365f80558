namespace Signet.Interop.Tests.Peers;

/// <summary>dkimpy (Debian python3-dkim), driven through Peers/scripts/dkimpy_batch.py with the system Python, which
/// is where Debian installs it. It looks keys up with dnspython at the zone's nsd. It signs and verifies
/// ed25519-sha256 through PyNaCl (python3-nacl, a dependency of python3-dkim).</summary>
public sealed class DkimpyPeer : IDkimPeer
{
    public const string Python = "/usr/bin/python3";
    private const string Install = "dkimpy is needed for the interop tests: apt-get install python3-dkim python3-dnspython python3-nacl";

    private readonly ScriptBatch _batch;

    private DkimpyPeer(string version, InteropZone zone)
    {
        Name = "dkimpy " + version;
        _batch = new ScriptBatch(Python, "dkimpy_batch.py", zone);
    }

    public string Name { get; }

    public bool SupportsEd25519 => true;

    /// <summary>Checks that dkimpy and the modules the script uses are installed, and reads dkimpy's version.</summary>
    public static async Task<IDkimPeer> CreateAsync(InteropZone zone, CancellationToken cancellationToken)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing. {Install}");
        }

        var probe = await PeerProcess.RunAsync(Python,
            ["-c", "import importlib.metadata, dkim, dns.resolver, nacl.signing; print(importlib.metadata.version('dkimpy'))"],
            cancellationToken).ConfigureAwait(false);
        return probe.ExitCode == 0
            ? new DkimpyPeer(probe.StandardOutput.Trim(), zone)
            : throw new InvalidOperationException($"{Install} ({probe.StandardError.Trim()})");
    }

    public Task<IReadOnlyList<byte[]>> SignAsync(IReadOnlyList<PeerSignRequest> requests, CancellationToken cancellationToken) =>
        _batch.SignAsync(requests, KeyFile, cancellationToken);

    public Task<IReadOnlyList<PeerVerdict>> VerifyAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken) =>
        _batch.VerifyAsync(messages, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _batch.Dispose();
        return ValueTask.CompletedTask;
    }

    // dkimpy reads RSA keys as PKCS#1 PEM only, and Ed25519 keys as the base64 of the 32-byte seed.
    private static string KeyFile(InteropKey key) =>
        key.Ed25519SeedBase64Path ?? key.Pkcs1PemPath;
}
