using System.Buffers;
using Signet.Milter.Protocol;

namespace Signet.Fuzz;

/// <summary>A stream of milter packets as an MTA sends them: frames are read off the front one by one and each is
/// decoded, until the stream is incomplete or malformed (where a real connection would be closed).</summary>
public static class MilterTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        var buffer = new ReadOnlySequence<byte>(input.ToArray());
        while (true)
        {
            long before = buffer.Length;
            var status = MilterFraming.TryRead(ref buffer, MilterFraming.DefaultMaximumPacketSize, out var packet, out string error);
            if (status != MilterFrameStatus.Complete)
            {
                Invariant.True(buffer.Length == before, "an unread packet leaves the buffer as it was");
                Invariant.True(status != MilterFrameStatus.Malformed || error.Length > 0, "a malformed frame says why");
                return;
            }

            Invariant.True(buffer.Length < before, "a complete packet moves the buffer on");
            if (!MilterCommandReader.TryDecode(packet, out _, out error))
            {
                Invariant.NotEmpty(error, "an undecodable packet says why");
            }
        }
    }
}
