namespace Signet.Interop.Tests.Peers;

/// <summary>One message for a peer to sign. <see cref="KeyPath"/> is a PKCS#8 PEM written by <c>signet keygen</c>
/// (PKCS#1 and raw-seed copies sit beside it for peers that need them: see <see cref="InteropKey"/>).</summary>
public sealed record PeerSignRequest(byte[] Message, InteropKey Key, string Domain, string HeaderCanonicalization, string BodyCanonicalization);
