using Signet.Interop.Tests.Messages;
using Signet.Interop.Tests.Peers;

namespace Signet.Interop.Tests.Matrix;

/// <summary>One combination of the matrix: peer, direction, key, canonicalization (header/body) and message.</summary>
public sealed record InteropCase(string Peer, InteropDirection Direction, InteropKey Key, string Canonicalization, InteropMessage Message)
{
    public string HeaderCanonicalization => Canonicalization.Split('/')[0];

    public string BodyCanonicalization => Canonicalization.Split('/')[1];

    public override string ToString() =>
        Direction == InteropDirection.SignetSigns
            ? $"Signet signs, {Peer} verifies: {Key.Name} {Canonicalization} {Message.Name}"
            : $"{Peer} signs, Signet verifies: {Key.Name} {Canonicalization} {Message.Name}";
}
