namespace Signet.Interop.Tests.Matrix;

/// <summary>Who signs and who verifies.</summary>
public enum InteropDirection
{
    /// <summary>Signet signs (<c>signet sign</c>), the peer verifies.</summary>
    SignetSigns,

    /// <summary>The peer signs, Signet verifies (<c>signet verify --resolver</c>).</summary>
    PeerSigns,
}
