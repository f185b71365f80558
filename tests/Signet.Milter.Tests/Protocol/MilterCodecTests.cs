using System.Buffers;
using System.Buffers.Binary;
using Signet.Milter.Protocol;

namespace Signet.Milter.Tests.Protocol;

public sealed class MilterCodecTests
{
    public static TheoryData<string, MilterCommand> Commands => new()
    {
        { "optneg", new MilterNegotiation(6, (MilterActions)0x1FF, (MilterProtocolSteps)0x1FFFFF) },
        { "connect inet", new MilterConnect("client.example", MilterAddressFamily.Inet, 25000, "192.0.2.1") },
        { "connect inet6", new MilterConnect("v6.example", MilterAddressFamily.Inet6, 587, "2001:db8::1") },
        { "connect unknown", new MilterConnect("localhost", MilterAddressFamily.Unknown, 0, string.Empty) },
        { "helo", new MilterHelo("client.example") },
        { "mail", new MilterEnvelope(MilterCommandCode.Mail, ["<joe@example.com>", "SIZE=1000", "BODY=8BITMIME"]) },
        { "rcpt", new MilterEnvelope(MilterCommandCode.Recipient, ["<suzie@example.net>"]) },
        { "header", MilterHeader.Create("Subject", " Is dinner ready?\n\tfolded") },
        { "macros", new MilterMacros(MilterCommandCode.Mail, [new("i", "4ABC"), new("{auth_authen}", "joe")]) },
        { "unknown", new MilterUnknownCommand("XFOO bar") },
        { "eoh", new MilterSignal(MilterCommandCode.EndOfHeaders) },
        { "abort", new MilterSignal(MilterCommandCode.Abort) },
        { "quit", new MilterSignal(MilterCommandCode.Quit) },
        { "quit-nc", new MilterSignal(MilterCommandCode.QuitNewConnection) },
        { "data", new MilterSignal(MilterCommandCode.Data) },
    };

    public static TheoryData<string, MilterResponse> Responses => new()
    {
        { "optneg", new MilterNegotiationReply(new MilterNegotiation(6, MilterActions.AddHeaders | MilterActions.ChangeHeaders, MilterProtocolSteps.NoHelo)) },
        { "continue", MilterReply.Continue },
        { "accept", MilterReply.Accept },
        { "reject", MilterReply.Reject },
        { "tempfail", MilterReply.TempFail },
        { "discard", MilterReply.Discard },
        { "replycode", MilterReply.WithSmtpReply("451", "4.7.1", "try 100% later") },
        { "insheader", MilterHeaderChange.Insert(0, "DKIM-Signature", " v=1; a=ed25519-sha256;\n\tb=abc") },
        { "addheader", MilterHeaderChange.Add("X-Test", "value") },
        { "chgheader", MilterHeaderChange.Change(2, "Subject", "new") },
        { "delete", MilterHeaderChange.Delete(3, "Authentication-Results") },
        { "insheader non-ASCII", MilterHeaderChange.Insert(1, "X-Prüfung", " Grüße\n\tund mehr") },
        { "addheader empty value", MilterHeaderChange.Add("X-Empty", "") },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_RoundTrips(string name, MilterCommand command)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MilterCommandWriter.Write(buffer, command);
        var sequence = new ReadOnlySequence<byte>(buffer.WrittenMemory);

        Assert.Equal(MilterFrameStatus.Complete, MilterFraming.TryRead(ref sequence, 65536, out var packet, out _));
        Assert.True(sequence.IsEmpty, name);
        Assert.True(MilterCommandReader.TryDecode(packet, out var decoded, out string error), error);
        Assert.Equal(Describe(command), Describe(decoded));
    }

    [Fact]
    public void BodyChunk_RoundTripsItsBytes()
    {
        byte[] body = [.. Enumerable.Range(0, 300).Select(i => (byte)i)];
        var buffer = new ArrayBufferWriter<byte>();
        MilterCommandWriter.Write(buffer, new MilterBodyChunk(new ReadOnlySequence<byte>(body)));
        var sequence = new ReadOnlySequence<byte>(buffer.WrittenMemory);

        MilterFraming.TryRead(ref sequence, 65536, out var packet, out _);

        Assert.True(MilterCommandReader.TryDecode(packet, out var decoded, out _));
        Assert.Equal(body, Assert.IsType<MilterBodyChunk>(decoded).Data.ToArray());
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void Response_RoundTrips(string name, MilterResponse response)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MilterResponseWriter.Write(buffer, response);
        var sequence = new ReadOnlySequence<byte>(buffer.WrittenMemory);

        Assert.Equal(MilterFrameStatus.Complete, MilterFraming.TryRead(ref sequence, 65536, out var packet, out _));
        Assert.True(MilterResponseReader.TryDecode(packet, out var decoded, out string error), name + ": " + error);
        Assert.Equal(response, decoded);
    }

    [Fact]
    public void ReplyCode_DoublesPercentSigns()
    {
        Assert.Equal("451 4.7.1 try 100%% later", MilterReply.WithSmtpReply("451", "4.7.1", "try 100% later").Text);
    }

    [Fact]
    public void Framing_PacketSplitAcrossSegments_IsReadWhole()
    {
        var buffer = new ArrayBufferWriter<byte>();
        MilterCommandWriter.Write(buffer, MilterHeader.Create("From", " joe@example.com"));
        byte[] bytes = buffer.WrittenSpan.ToArray();
        var sequence = Segments(bytes, 3);

        Assert.Equal(MilterFrameStatus.Complete, MilterFraming.TryRead(ref sequence, 65536, out var packet, out _));
        Assert.True(MilterCommandReader.TryDecode(packet, out var decoded, out _));
        Assert.Equal("From: joe@example.com", decoded.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Macros_SplitAcrossSegments_DecodeMultiByteCharactersWhole(int segmentSize)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MilterCommandWriter.Write(buffer, new MilterMacros(MilterCommandCode.Mail, [new("{auth_authen}", "jörg€@例え.jp"), new("i", "Q1")]));
        var sequence = Segments(buffer.WrittenSpan.ToArray(), segmentSize);

        Assert.Equal(MilterFrameStatus.Complete, MilterFraming.TryRead(ref sequence, 65536, out var packet, out _));
        Assert.True(MilterCommandReader.TryDecode(packet, out var decoded, out string error), error);
        var macros = Assert.IsType<MilterMacros>(decoded);
        Assert.Equal("jörg€@例え.jp", macros.Values[0].Value);
        Assert.Equal("Q1", macros.Values[1].Value);
    }

    [Theory]
    [InlineData("X-Bad\0Name", "value")]
    [InlineData("X-Test", "value\0hidden")]
    public void HeaderChange_WithNul_IsRefused(string name, string value)
    {
        var buffer = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentException>(() => MilterResponseWriter.Write(buffer, MilterHeaderChange.Add(name, value)));
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(9)]
    public void Framing_TruncatedPacket_IsIncompleteAndConsumesNothing(int length)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MilterCommandWriter.Write(buffer, new MilterHelo("client.example"));
        var sequence = new ReadOnlySequence<byte>(buffer.WrittenMemory[..length]);

        Assert.Equal(MilterFrameStatus.Incomplete, MilterFraming.TryRead(ref sequence, 65536, out _, out _));
        Assert.Equal(length, sequence.Length);
    }

    [Fact]
    public void Framing_LengthAboveLimit_IsMalformedWithReason()
    {
        byte[] bytes = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, 0x7FFFFFFF);
        var sequence = new ReadOnlySequence<byte>(bytes);

        Assert.Equal(MilterFrameStatus.Malformed, MilterFraming.TryRead(ref sequence, 65536, out _, out string error));
        Assert.Contains("exceeds the limit of 65536", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Framing_ZeroLength_IsMalformed()
    {
        var sequence = new ReadOnlySequence<byte>(new byte[4]);

        Assert.Equal(MilterFrameStatus.Malformed, MilterFraming.TryRead(ref sequence, 65536, out _, out string error));
        Assert.Contains("no command byte", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown command", 'Z', new byte[0], "unknown command byte 0x5a")]
    [InlineData("short optneg", 'O', new byte[] { 0, 0, 0, 6, 0, 0 }, "12 bytes")]
    [InlineData("connect without port", 'C', new byte[] { (byte)'h', 0, (byte)'4' }, "port")]
    [InlineData("connect bad family", 'C', new byte[] { (byte)'h', 0, (byte)'X', 0, 25 }, "address family")]
    [InlineData("header without NUL", 'L', new byte[] { (byte)'F', (byte)'r', 0, (byte)'x' }, "NUL-terminated")]
    [InlineData("header empty name", 'L', new byte[] { 0, (byte)'x', 0 }, "empty name")]
    [InlineData("macro half pair", 'D', new byte[] { (byte)'M', (byte)'i', 0 }, "pairs")]
    [InlineData("macro empty", 'D', new byte[0], "command it is for")]
    [InlineData("mail without address", 'M', new byte[0], "needs an address")]
    [InlineData("helo unterminated", 'H', new byte[] { (byte)'h' }, "NUL-terminated")]
    public void Decode_MalformedPayload_IsAValueWithReason(string name, char code, byte[] payload, string reason)
    {
        var packet = new MilterPacket((byte)code, new ReadOnlySequence<byte>(payload));

        Assert.False(MilterCommandReader.TryDecode(packet, out _, out string error), name);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeResponse_UnknownByte_IsAValue()
    {
        Assert.False(MilterResponseReader.TryDecode(new MilterPacket((byte)'!', default), out _, out string error));
        Assert.Contains("unknown reply", error, StringComparison.Ordinal);
    }

    private static string Describe(MilterCommand command) => command switch
    {
        MilterEnvelope e => $"{e.Code} {string.Join("|", e.Arguments)}",
        MilterMacros m => $"{m.ForCommand} {string.Join("|", m.Values)}",
        MilterHeader h => h.ToString(),
        _ => command.ToString(),
    };

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (int offset = 0; offset < bytes.Length; offset += size)
        {
            var memory = bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset));
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
