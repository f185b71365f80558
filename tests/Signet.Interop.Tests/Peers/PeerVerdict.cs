namespace Signet.Interop.Tests.Peers;

/// <summary>What a peer said about one message: did a signature pass, and its own words.</summary>
public sealed record PeerVerdict(bool Pass, string Detail);
