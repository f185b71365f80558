using System.Buffers;

namespace Signet.Milter.Protocol;

/// <summary>Encodes the filter's packets: negotiation, replies and header edits.</summary>
public static class MilterResponseWriter
{
    public static void Write(IBufferWriter<byte> writer, MilterResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var payload = new MilterPayloadWriter();
        switch (response)
        {
            case MilterNegotiationReply { Options: var n }:
                payload.UInt32(n.Version).UInt32((uint)n.Actions).UInt32((uint)n.Steps);
                break;
            case MilterReply { Text: { } text }:
                payload.String(text);
                break;
            case MilterReply:
                break;
            case MilterHeaderChange { Code: MilterReplyCode.AddHeader } add:
                payload.String(add.Name).String(add.Value);
                break;
            case MilterHeaderChange change:
                payload.UInt32(change.Index).String(change.Name).String(change.Value);
                break;
            default:
                throw new ArgumentException($"no encoding for {response.GetType().Name}", nameof(response));
        }

        payload.WriteTo(writer, (byte)response.Code);
    }
}
