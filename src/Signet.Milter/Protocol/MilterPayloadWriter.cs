using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Signet.Milter.Protocol;

/// <summary>Lays out a packet's data, then frames it.</summary>
internal sealed class MilterPayloadWriter
{
    private readonly ArrayBufferWriter<byte> _payload = new(256);

    public MilterPayloadWriter UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_payload.GetSpan(4), value);
        _payload.Advance(4);
        return this;
    }

    public MilterPayloadWriter UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_payload.GetSpan(2), value);
        _payload.Advance(2);
        return this;
    }

    public MilterPayloadWriter Byte(byte value)
    {
        _payload.GetSpan(1)[0] = value;
        _payload.Advance(1);
        return this;
    }

    public MilterPayloadWriter Bytes(ReadOnlySpan<byte> value)
    {
        _payload.Write(value);
        return this;
    }

    public MilterPayloadWriter Bytes(in ReadOnlySequence<byte> value)
    {
        foreach (var segment in value)
        {
            _payload.Write(segment.Span);
        }

        return this;
    }

    /// <summary>A NUL-terminated string; a NUL inside it would end it early, so it is refused.</summary>
    public MilterPayloadWriter String(string value) => Terminated(Encoding.UTF8.GetBytes(value));

    public MilterPayloadWriter Terminated(ReadOnlySpan<byte> value)
    {
        if (value.Contains((byte)0))
        {
            throw new ArgumentException("a milter string cannot contain NUL", nameof(value));
        }

        _payload.Write(value);
        return Byte(0);
    }

    public void WriteTo(IBufferWriter<byte> writer, byte code) => MilterFraming.Write(writer, code, _payload.WrittenSpan);
}
