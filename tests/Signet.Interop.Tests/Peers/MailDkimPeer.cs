namespace Signet.Interop.Tests.Peers;

/// <summary>Mail::DKIM (Debian libmail-dkim-perl), driven through Peers/scripts/maildkim_batch.pl. It looks keys up
/// with a Net::DNS resolver pointed at the zone's nsd. Version 1.20230212, the one Debian 12 ships, has no
/// ed25519-sha256: its verifier reports such signatures as an unsupported algorithm, and it cannot sign with them.</summary>
public sealed class MailDkimPeer : IDkimPeer
{
    public const string Perl = "/usr/bin/perl";
    private const string Install = "Mail::DKIM is needed for the interop tests: apt-get install libmail-dkim-perl libnet-dns-perl";

    private readonly ScriptBatch _batch;

    private MailDkimPeer(string version, InteropZone zone)
    {
        Name = "Mail::DKIM " + version;
        _batch = new ScriptBatch(Perl, "maildkim_batch.pl", zone);
    }

    public string Name { get; }

    public bool SupportsEd25519 => false;

    /// <summary>Checks that Mail::DKIM and Net::DNS are installed, and reads Mail::DKIM's version.</summary>
    public static async Task<IDkimPeer> CreateAsync(InteropZone zone, CancellationToken cancellationToken)
    {
        if (!File.Exists(Perl))
        {
            throw new InvalidOperationException($"{Perl} is missing. {Install}");
        }

        var probe = await PeerProcess.RunAsync(Perl,
            ["-MMail::DKIM", "-MMail::DKIM::Verifier", "-MNet::DNS", "-MJSON::PP", "-e", "print $Mail::DKIM::VERSION"],
            cancellationToken).ConfigureAwait(false);
        return probe.ExitCode == 0
            ? new MailDkimPeer(probe.StandardOutput.Trim(), zone)
            : throw new InvalidOperationException($"{Install} ({probe.StandardError.Trim()})");
    }

    public Task<IReadOnlyList<byte[]>> SignAsync(IReadOnlyList<PeerSignRequest> requests, CancellationToken cancellationToken) =>
        _batch.SignAsync(requests, key => key.Pkcs1PemPath, cancellationToken);

    public Task<IReadOnlyList<PeerVerdict>> VerifyAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken) =>
        _batch.VerifyAsync(messages, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _batch.Dispose();
        return ValueTask.CompletedTask;
    }
}
