namespace Signet.Milter.Protocol;

/// <summary>What reading one packet from the front of a buffer gave.</summary>
public enum MilterFrameStatus
{
    /// <summary>A whole packet was read.</summary>
    Complete,

    /// <summary>The buffer holds only part of a packet: read more.</summary>
    Incomplete,

    /// <summary>The length prefix is impossible (zero, or above the limit): the stream cannot be resynchronised.</summary>
    Malformed,
}
