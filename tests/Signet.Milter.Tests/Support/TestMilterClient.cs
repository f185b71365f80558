using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Signet.Milter.Protocol;

namespace Signet.Milter.Tests.Support;

/// <summary>A small MTA side of the milter protocol, for tests: it negotiates, sends commands and reads the
/// filter's packets, honouring the steps the filter asked to skip or not to answer.</summary>
internal sealed class TestMilterClient : IAsyncDisposable
{
    /// <summary>What Postfix offers: protocol version 6, every action, every step option.</summary>
    public const MilterActions AllActions = (MilterActions)0x1FF;
    public const MilterProtocolSteps AllSteps = (MilterProtocolSteps)0x1FFFFF;

    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(20);
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;

    private TestMilterClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(_stream);
    }

    public MilterNegotiation Agreed { get; private set; } = new(0, 0, 0);

    public bool LeadingSpace => Agreed.Steps.HasFlag(MilterProtocolSteps.HeaderLeadingSpace);

    public static async Task<TestMilterClient> ConnectAsync(EndPoint endpoint)
    {
        var socket = endpoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint);
        return new TestMilterClient(socket);
    }

    public async Task<MilterNegotiation> NegotiateAsync(uint version = 6, MilterActions actions = AllActions, MilterProtocolSteps steps = AllSteps)
    {
        await SendAsync(new MilterNegotiation(version, actions, steps));
        var reply = await ReadAsync() as MilterNegotiationReply
            ?? throw new InvalidOperationException("the filter did not answer option negotiation");
        Agreed = reply.Options;
        return Agreed;
    }

    public Task SendAsync(MilterCommand command)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MilterCommandWriter.Write(buffer, command);
        return SendRawAsync(buffer.WrittenMemory);
    }

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Sends a command and, unless the filter asked not to answer that step, reads its reply.</summary>
    public async Task<MilterReply?> StepAsync(MilterCommand command, MilterProtocolSteps noReplyStep)
    {
        await SendAsync(command);
        if (Agreed.Steps.HasFlag(noReplyStep))
        {
            return null;
        }

        return await ReadAsync() as MilterReply ?? throw new InvalidOperationException($"no reply to {command.Code}");
    }

    /// <summary>The next packet from the filter, or null when it closed the connection.</summary>
    public async Task<MilterResponse?> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        while (true)
        {
            var result = await _input.ReadAsync(timeout.Token);
            var buffer = result.Buffer;
            var status = MilterFraming.TryRead(ref buffer, MilterFraming.DefaultMaximumPacketSize, out var packet, out string error);
            if (status == MilterFrameStatus.Complete)
            {
                bool decoded = MilterResponseReader.TryDecode(packet, out var response, out error);
                _input.AdvanceTo(buffer.Start);
                return decoded ? response : throw new InvalidDataException(error);
            }

            if (status == MilterFrameStatus.Malformed)
            {
                throw new InvalidDataException(error);
            }

            _input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return null;
            }
        }
    }

    /// <summary>Whether the filter closed the connection (reads until end of stream, failing on any packet).</summary>
    public async Task<bool> IsClosedByFilterAsync()
    {
        try
        {
            return await ReadAsync() is null;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _input.CompleteAsync();
        await _stream.DisposeAsync();
        _socket.Dispose();
    }
}
