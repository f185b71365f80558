using System.Net;

namespace Signet.Interop.Tests.Peers;

/// <summary>The DNS zone every peer reads keys from: its origin, its TXT lines (from <c>signet dns-record --format
/// zone</c>), and where the loopback nsd that serves it listens. Peers that can only use the system resolver on
/// port 53 serve the same lines from their own server inside a network namespace.</summary>
public sealed record InteropZone(string Origin, IReadOnlyList<string> Records, IPEndPoint Endpoint);
