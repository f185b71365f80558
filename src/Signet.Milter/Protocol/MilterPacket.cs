using System.Buffers;

namespace Signet.Milter.Protocol;

/// <summary>One framed packet: its command byte and the data after it. <see cref="Payload"/> points into the
/// reader's buffer and is valid until the reader advances.</summary>
public readonly record struct MilterPacket(byte Code, ReadOnlySequence<byte> Payload);
