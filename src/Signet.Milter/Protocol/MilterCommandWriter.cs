using System.Buffers;

namespace Signet.Milter.Protocol;

/// <summary>Encodes commands as the MTA sends them: for clients (tests, tools) that drive a filter.</summary>
public static class MilterCommandWriter
{
    public static void Write(IBufferWriter<byte> writer, MilterCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var payload = new MilterPayloadWriter();
        switch (command)
        {
            case MilterNegotiation n:
                payload.UInt32(n.Version).UInt32((uint)n.Actions).UInt32((uint)n.Steps);
                break;
            case MilterConnect c:
                payload.String(c.HostName).Byte((byte)c.Family);
                if (c.Family != MilterAddressFamily.Unknown)
                {
                    payload.UInt16(c.Port).String(c.Address);
                }

                break;
            case MilterHelo h:
                payload.String(h.Name);
                break;
            case MilterEnvelope e:
                foreach (string argument in e.Arguments)
                {
                    payload.String(argument);
                }

                break;
            case MilterHeader h:
                payload.String(h.Name).Terminated(h.Value);
                break;
            case MilterMacros m:
                payload.Byte((byte)m.ForCommand);
                foreach (var (name, value) in m.Values)
                {
                    payload.String(name).String(value);
                }

                break;
            case MilterBodyChunk b:
                payload.Bytes(b.Data);
                break;
            case MilterEndOfMessage e:
                payload.Bytes(e.FinalChunk);
                break;
            case MilterUnknownCommand u:
                payload.String(u.Text);
                break;
            case MilterSignal:
                break;
            default:
                throw new ArgumentException($"no encoding for {command.GetType().Name}", nameof(command));
        }

        payload.WriteTo(writer, (byte)command.Code);
    }
}
