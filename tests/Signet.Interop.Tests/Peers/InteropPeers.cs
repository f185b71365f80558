namespace Signet.Interop.Tests.Peers;

/// <summary>Every peer the interop matrix runs against, in one list. The tests, the matrix and docs/interop.md take
/// their peers from here and from nowhere else.</summary>
public static class InteropPeers
{
    /// <summary>A peer: its short id (stable, used in test case names) and how to start it for a zone.</summary>
    public sealed record Entry(string Id, Func<InteropZone, CancellationToken, Task<IDkimPeer>> CreateAsync)
    {
        public override string ToString() => Id;
    }

    public static IReadOnlyList<Entry> All { get; } =
    [
        new("dkimpy", DkimpyPeer.CreateAsync),
        new("mail-dkim", MailDkimPeer.CreateAsync),
        new("opendkim", async (zone, cancellationToken) => await OpenDkimPeer.StartAsync(zone, cancellationToken).ConfigureAwait(false)),
    ];

    public static Entry Find(string id) =>
        All.FirstOrDefault(e => e.Id == id) ?? throw new ArgumentException($"no interop peer has the id {id}", nameof(id));
}
