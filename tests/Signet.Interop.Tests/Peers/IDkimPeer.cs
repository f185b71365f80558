namespace Signet.Interop.Tests.Peers;

/// <summary>Another DKIM implementation, driven as a user would run it, in batches so one process start serves
/// many messages. Every peer reads keys from the same DNS zone (see <see cref="InteropZone"/>).</summary>
public interface IDkimPeer : IAsyncDisposable
{
    /// <summary>Name and version as shown in docs/interop.md, e.g. "dkimpy 1.1.4".</summary>
    string Name { get; }

    /// <summary>Whether this peer signs and verifies ed25519-sha256 (RFC 8463).</summary>
    bool SupportsEd25519 { get; }

    /// <summary>Signs each message with its key; returns the signed messages in the same order.</summary>
    Task<IReadOnlyList<byte[]>> SignAsync(IReadOnlyList<PeerSignRequest> requests, CancellationToken cancellationToken);

    /// <summary>Verifies each message's DKIM signature(s) against the zone; one verdict per message, same order.</summary>
    Task<IReadOnlyList<PeerVerdict>> VerifyAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken);
}
