using System.Buffers;
using System.Text;

namespace Signet.Milter.Protocol;

/// <summary>Reads the fields of a packet's data: big-endian integers, single bytes and NUL-terminated strings.
/// Every read says whether the data held the field; none throws.</summary>
internal ref struct MilterPayloadReader(ReadOnlySequence<byte> payload)
{
    private SequenceReader<byte> _reader = new(payload);

    public readonly bool End => _reader.End;

    public readonly long Remaining => _reader.Remaining;

    public bool TryReadUInt32(out uint value)
    {
        bool read = _reader.TryReadBigEndian(out int signed);
        value = (uint)signed;
        return read;
    }

    public bool TryReadUInt16(out ushort value)
    {
        bool read = _reader.TryReadBigEndian(out short signed);
        value = (ushort)signed;
        return read;
    }

    public bool TryReadByte(out byte value) => _reader.TryRead(out value);

    public bool TryReadBytes(out byte[] value)
    {
        if (_reader.TryReadTo(out ReadOnlySequence<byte> bytes, 0))
        {
            value = bytes.ToArray();
            return true;
        }

        value = [];
        return false;
    }

    /// <summary>A NUL-terminated string, decoded straight from the packet (no intermediate array: every macro, name
    /// and address of every message passes here).</summary>
    public bool TryReadString(out string value)
    {
        if (_reader.TryReadTo(out ReadOnlySequence<byte> bytes, 0))
        {
            value = bytes.IsSingleSegment ? Encoding.UTF8.GetString(bytes.FirstSpan) : Encoding.UTF8.GetString(bytes);
            return true;
        }

        value = string.Empty;
        return false;
    }
}
