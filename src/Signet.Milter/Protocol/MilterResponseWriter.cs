using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Signet.Milter.Protocol;

/// <summary>Encodes the filter's packets: negotiation, replies and header edits. The replies and header edits of every
/// message are laid out straight into the output; nothing is staged per packet.</summary>
public static class MilterResponseWriter
{
    public static void Write(IBufferWriter<byte> writer, MilterResponse response)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(response);
        switch (response)
        {
            case MilterReply { Text: null } reply:
                MilterFraming.Write(writer, (byte)reply.Code, default);
                return;
            case MilterHeaderChange change:
                WriteHeaderChange(writer, change);
                return;
        }

        var payload = new MilterPayloadWriter();
        switch (response)
        {
            case MilterNegotiationReply { Options: var n }:
                payload.UInt32(n.Version).UInt32((uint)n.Actions).UInt32((uint)n.Steps);
                break;
            case MilterReply { Text: { } text }:
                payload.String(text);
                break;
            default:
                throw new ArgumentException($"no encoding for {response.GetType().Name}", nameof(response));
        }

        payload.WriteTo(writer, (byte)response.Code);
    }

    /// <summary>SMFIR_ADDHEADER is name and value; SMFIR_INSHEADER and SMFIR_CHGHEADER put the index first. Both
    /// strings are NUL-terminated, so a NUL inside either would end it early: refused.</summary>
    private static void WriteHeaderChange(IBufferWriter<byte> writer, MilterHeaderChange change)
    {
        if (change.Name.Contains('\0', StringComparison.Ordinal) || change.Value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("a milter string cannot contain NUL", nameof(change));
        }

        int indexSize = change.Code == MilterReplyCode.AddHeader ? 0 : 4;
        int nameSize = Encoding.UTF8.GetByteCount(change.Name);
        int valueSize = Encoding.UTF8.GetByteCount(change.Value);
        int payloadSize = indexSize + nameSize + 1 + valueSize + 1;
        int total = MilterFraming.LengthPrefixSize + 1 + payloadSize;
        var span = writer.GetSpan(total);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)(payloadSize + 1));
        span[MilterFraming.LengthPrefixSize] = (byte)change.Code;
        int at = MilterFraming.LengthPrefixSize + 1;
        if (indexSize > 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[at..], change.Index);
            at += indexSize;
        }

        at += Encoding.UTF8.GetBytes(change.Name, span[at..]);
        span[at++] = 0;
        at += Encoding.UTF8.GetBytes(change.Value, span[at..]);
        span[at++] = 0;
        writer.Advance(at);
    }
}
