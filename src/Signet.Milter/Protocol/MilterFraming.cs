using System.Buffers;
using System.Buffers.Binary;

namespace Signet.Milter.Protocol;

/// <summary>Packet framing: a 4-byte big-endian length that counts the command byte and the data, then the command
/// byte, then the data.</summary>
public static class MilterFraming
{
    public const int LengthPrefixSize = 4;

    /// <summary>Bodies come in chunks of at most 64 KiB - 1 unless larger chunks are negotiated (SMFIP_MDS_*), which we
    /// never ask for; headers are bounded by the MTA's own limits (Postfix: 100 KiB). 1 MiB leaves room for both.</summary>
    public const int DefaultMaximumPacketSize = 1024 * 1024;

    /// <summary>Reads one packet from the front of <paramref name="buffer"/>. On <see cref="MilterFrameStatus.Complete"/>
    /// the buffer is moved past it; otherwise it is left as it was and <paramref name="error"/> says what is wrong.</summary>
    public static MilterFrameStatus TryRead(ref ReadOnlySequence<byte> buffer, int maximumPacketSize, out MilterPacket packet, out string error)
    {
        packet = default;
        error = string.Empty;
        if (buffer.Length < LengthPrefixSize)
        {
            return MilterFrameStatus.Incomplete;
        }

        Span<byte> prefix = stackalloc byte[LengthPrefixSize];
        buffer.Slice(0, LengthPrefixSize).CopyTo(prefix);
        uint length = BinaryPrimitives.ReadUInt32BigEndian(prefix);
        if (length == 0)
        {
            error = "a packet of length 0 has no command byte";
            return MilterFrameStatus.Malformed;
        }

        if (length > (uint)maximumPacketSize)
        {
            error = $"a packet of {length} bytes exceeds the limit of {maximumPacketSize}";
            return MilterFrameStatus.Malformed;
        }

        if (buffer.Length < LengthPrefixSize + length)
        {
            return MilterFrameStatus.Incomplete;
        }

        var whole = buffer.Slice(LengthPrefixSize, length);
        packet = new MilterPacket(whole.FirstSpan[0], whole.Slice(1));
        buffer = buffer.Slice(whole.End);
        return MilterFrameStatus.Complete;
    }

    /// <summary>Writes one packet whose data is already laid out.</summary>
    public static void Write(IBufferWriter<byte> writer, byte code, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var span = writer.GetSpan(LengthPrefixSize + 1 + payload.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)(payload.Length + 1));
        span[LengthPrefixSize] = code;
        payload.CopyTo(span[(LengthPrefixSize + 1)..]);
        writer.Advance(LengthPrefixSize + 1 + payload.Length);
    }
}
