using System.Buffers;
using System.Text;
using Signet.Relay.Smtp;

namespace Signet.Relay.Tests.Smtp;

public sealed class SmtpDataDecoderTests
{
    private const string Message = "Subject: dots\r\n\r\n.leading dot\r\n..two\r\n.\r\nx\r\nend.\r\n";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Decode_StuffedStreamInAnySplit_GivesTheMessageBack(int chunkSize)
    {
        byte[] wire = await StuffAsync(Encoding.ASCII.GetBytes(Message));
        var decoder = new SmtpDataDecoder();
        var sink = new Collector();
        byte[] pending = [];
        bool completed = false;
        for (int offset = 0; offset < wire.Length && !completed; offset += chunkSize)
        {
            byte[] buffer = [.. pending, .. wire.AsSpan(offset, Math.Min(chunkSize, wire.Length - offset))];
            var sequence = new ReadOnlySequence<byte>(buffer);
            var consumed = decoder.Decode(sequence, sink, out completed);
            pending = sequence.Slice(consumed).ToArray();
        }

        Assert.True(completed);
        Assert.Equal(Message, Encoding.ASCII.GetString(sink.Data.ToArray()));
    }

    [Fact]
    public void Decode_BytesAfterTheFinalDot_AreLeftForTheNextCommand()
    {
        var buffer = new ReadOnlySequence<byte>("a\r\n.\r\nQUIT\r\n"u8.ToArray());
        var consumed = new SmtpDataDecoder().Decode(buffer, new Collector(), out bool completed);

        Assert.True(completed);
        Assert.Equal("QUIT\r\n", Encoding.ASCII.GetString(buffer.Slice(consumed).ToArray()));
    }

    private static async Task<byte[]> StuffAsync(byte[] message)
    {
        using var output = new MemoryStream();
        using var stuffer = new SmtpDotStuffer(output);
        await stuffer.WriteAsync(message, CancellationToken.None);
        await stuffer.CompleteAsync(CancellationToken.None);
        return output.ToArray();
    }

    private sealed class Collector : ISmtpDataSink
    {
        public MemoryStream Data { get; } = new();

        public void Write(ReadOnlySpan<byte> data) => Data.Write(data);
    }
}
