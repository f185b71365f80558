namespace Signet.Milter.Protocol;

/// <summary>Decodes packets from the MTA. Malformed data is an answer, not an exception: the caller gets the
/// reason and closes the connection (there is no way to resynchronise a milter stream).</summary>
public static class MilterCommandReader
{
    public static bool TryDecode(in MilterPacket packet, out MilterCommand command, out string error)
    {
        command = null!;
        var code = (MilterCommandCode)packet.Code;
        var reader = new MilterPayloadReader(packet.Payload);
        error = code switch
        {
            MilterCommandCode.OptionNegotiation => ReadNegotiation(ref reader, out command),
            MilterCommandCode.Connect => ReadConnect(ref reader, out command),
            MilterCommandCode.Helo => ReadSingleString(ref reader, "HELO", s => new MilterHelo(s), out command),
            MilterCommandCode.Mail or MilterCommandCode.Recipient => ReadEnvelope(ref reader, code, out command),
            MilterCommandCode.Header => ReadHeader(ref reader, out command),
            MilterCommandCode.Macro => ReadMacros(ref reader, out command),
            MilterCommandCode.Body => Done(new MilterBodyChunk(packet.Payload), out command),
            MilterCommandCode.EndOfMessage => Done(new MilterEndOfMessage(packet.Payload), out command),
            MilterCommandCode.Unknown => ReadSingleString(ref reader, "unknown-command", s => new MilterUnknownCommand(s), out command),
            _ when MilterSignal.Carries(code) => Done(new MilterSignal(code), out command),
            _ => $"unknown command byte 0x{packet.Code:x2}",
        };
        return error.Length == 0;
    }

    private static string Done(MilterCommand decoded, out MilterCommand command)
    {
        command = decoded;
        return string.Empty;
    }

    private static string ReadNegotiation(ref MilterPayloadReader reader, out MilterCommand command)
    {
        command = null!;
        if (!reader.TryReadUInt32(out uint version) || !reader.TryReadUInt32(out uint actions) || !reader.TryReadUInt32(out uint steps))
        {
            return "option negotiation needs 12 bytes: version, actions and protocol steps";
        }

        // Later protocol versions may append fields; what follows the three we know is ignored, as libmilter does.
        return Done(new MilterNegotiation(version, (MilterActions)actions, (MilterProtocolSteps)steps), out command);
    }

    private static string ReadConnect(ref MilterPayloadReader reader, out MilterCommand command)
    {
        command = null!;
        if (!reader.TryReadString(out string host) || !reader.TryReadByte(out byte familyByte))
        {
            return "connect needs a host name and an address family";
        }

        var family = (MilterAddressFamily)familyByte;
        if (family == MilterAddressFamily.Unknown)
        {
            return Done(new MilterConnect(host, family, 0, string.Empty), out command);
        }

        if (family is not (MilterAddressFamily.Inet or MilterAddressFamily.Inet6 or MilterAddressFamily.Unix))
        {
            return $"connect has an unknown address family 0x{familyByte:x2}";
        }

        if (!reader.TryReadUInt16(out ushort port) || !reader.TryReadString(out string address))
        {
            return "connect needs a port and an address after the family";
        }

        return Done(new MilterConnect(host, family, port, address), out command);
    }

    private static string ReadSingleString(ref MilterPayloadReader reader, string what, Func<string, MilterCommand> create, out MilterCommand command)
    {
        command = null!;
        return reader.TryReadString(out string value)
            ? Done(create(value), out command)
            : $"{what} needs a NUL-terminated string";
    }

    private static string ReadEnvelope(ref MilterPayloadReader reader, MilterCommandCode code, out MilterCommand command)
    {
        command = null!;
        var arguments = new List<string>();
        while (!reader.End)
        {
            if (!reader.TryReadString(out string argument))
            {
                return "an envelope argument is not NUL-terminated";
            }

            arguments.Add(argument);
        }

        return arguments.Count == 0
            ? (code == MilterCommandCode.Mail ? "MAIL" : "RCPT") + " needs an address"
            : Done(new MilterEnvelope(code, arguments), out command);
    }

    private static string ReadHeader(ref MilterPayloadReader reader, out MilterCommand command)
    {
        command = null!;
        if (!reader.TryReadString(out string name) || !reader.TryReadBytes(out byte[] value))
        {
            return "a header needs a NUL-terminated name and value";
        }

        return name.Length == 0 ? "a header has an empty name" : Done(new MilterHeader(name, value), out command);
    }

    private static string ReadMacros(ref MilterPayloadReader reader, out MilterCommand command)
    {
        command = null!;
        if (!reader.TryReadByte(out byte forCommand))
        {
            return "a macro packet needs the command it is for";
        }

        var values = new List<KeyValuePair<string, string>>();
        while (!reader.End)
        {
            if (!reader.TryReadString(out string name) || !reader.TryReadString(out string value))
            {
                return "a macro packet needs NUL-terminated name and value pairs";
            }

            values.Add(new(name, value));
        }

        return Done(new MilterMacros((MilterCommandCode)forCommand, values), out command);
    }
}
