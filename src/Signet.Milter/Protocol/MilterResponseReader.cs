namespace Signet.Milter.Protocol;

/// <summary>Decodes the filter's packets, for clients that drive a filter. Malformed data is an answer, not an
/// exception.</summary>
public static class MilterResponseReader
{
    public static bool TryDecode(in MilterPacket packet, out MilterResponse response, out string error)
    {
        response = null!;
        error = string.Empty;
        var code = (MilterReplyCode)packet.Code;
        var reader = new MilterPayloadReader(packet.Payload);
        switch (code)
        {
            case MilterReplyCode.OptionNegotiation:
                if (!reader.TryReadUInt32(out uint version) || !reader.TryReadUInt32(out uint actions) || !reader.TryReadUInt32(out uint steps))
                {
                    error = "the negotiation reply needs 12 bytes";
                    return false;
                }

                response = new MilterNegotiationReply(new MilterNegotiation(version, (MilterActions)actions, (MilterProtocolSteps)steps));
                return true;
            case MilterReplyCode.Continue or MilterReplyCode.Accept or MilterReplyCode.Reject or MilterReplyCode.TempFail
                or MilterReplyCode.Discard or MilterReplyCode.Skip or MilterReplyCode.Progress or MilterReplyCode.ConnectionFailure:
                response = MilterReply.FromWire(code, null);
                return true;
            case MilterReplyCode.ReplyCode:
                if (!reader.TryReadString(out string text))
                {
                    error = "a reply code needs NUL-terminated text";
                    return false;
                }

                response = MilterReply.FromWire(code, text);
                return true;
            case MilterReplyCode.AddHeader:
                return ReadHeaderChange(ref reader, code, hasIndex: false, out response, out error);
            case MilterReplyCode.InsertHeader or MilterReplyCode.ChangeHeader:
                return ReadHeaderChange(ref reader, code, hasIndex: true, out response, out error);
            default:
                error = $"unknown reply byte 0x{packet.Code:x2}";
                return false;
        }
    }

    private static bool ReadHeaderChange(ref MilterPayloadReader reader, MilterReplyCode code, bool hasIndex, out MilterResponse response, out string error)
    {
        response = null!;
        error = string.Empty;
        uint index = 0;
        if ((hasIndex && !reader.TryReadUInt32(out index)) || !reader.TryReadString(out string name) || !reader.TryReadString(out string value))
        {
            error = "a header edit needs " + (hasIndex ? "an index, " : string.Empty) + "a NUL-terminated name and value";
            return false;
        }

        response = code switch
        {
            MilterReplyCode.AddHeader => MilterHeaderChange.Add(name, value),
            MilterReplyCode.InsertHeader => MilterHeaderChange.Insert(index, name, value),
            _ => MilterHeaderChange.Change(index, name, value),
        };
        return true;
    }
}
