using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Signet.Dkim.Alignment;
using Signet.Dkim.Keys;
using Signet.Dkim.Signing;
using Signet.Mail;
using Signet.Mail.Policy;
using Signet.Milter;
using Signet.Milter.Dkim;
using Signet.Milter.Protocol;
using Signet.Milter.Server;
using Signet.Testing;

namespace Signet.Bench;

/// <summary>Signet's milter in this process on a loopback port, driven by clients that speak to it as Postfix does:
/// one packet per send (macros, connect, MAIL, each header field, end of headers, the body, end of message) with the
/// steps the DKIM filter negotiated away left out, and a wait for the replies at the end of each message. The
/// packets are encoded once, so what is counted per message — managed bytes allocated, thread-pool work items, lock
/// contentions — is the milter's own (the clients add one receive per message).</summary>
public sealed class MilterLoad : IAsyncDisposable
{
    private readonly MilterServer _server;
    private readonly List<byte[]> _connection;
    private readonly List<byte[]> _message;
    private readonly bool _signing;

    private MilterLoad(MilterServer server, List<byte[]> connection, List<byte[]> message, bool signing)
    {
        _server = server;
        _connection = connection;
        _message = message;
        _signing = signing;
    }

    /// <summary>A milter that signs <paramref name="message"/> with <paramref name="keys"/> (client 127.0.0.1, internal),
    /// or, with <paramref name="verify"/>, verifies the message signed with all of them (client 192.0.2.1, external).</summary>
    public static async Task<MilterLoad> StartAsync(byte[] message, IReadOnlyList<DkimPrivateKey> keys, bool verify)
    {
        var requests = keys.Select((key, i) => new DkimSigningRequest(key, "example.com", "s" + (i + 1))).ToList();
        var records = new InMemoryTxtSource();
        for (int i = 0; i < keys.Count; i++)
        {
            records.Add($"s{i + 1}._domainkey.example.com", DkimKeyRecord.Format(keys[i].PublicKey));
        }

        if (verify)
        {
            message = SignWith(requests, message);
        }

        var options = new MilterOptions { Listen = "127.0.0.1:0" };
        var factory = new DkimMilterFilterFactory(options, new MailOptions { AuthservId = "mx.example.net" }, new FixedSigningPolicy(requests), records,
            new PublicSuffixListResolver(PublicSuffixList.Embedded));
        var server = new MilterServer(options, factory);
        await server.StartAsync(CancellationToken.None).ConfigureAwait(false);
        return new MilterLoad(server, ConnectionPackets(verify ? "192.0.2.1" : "127.0.0.1"), MessagePackets(message), !verify);
    }

    /// <summary>Sends <paramref name="messages"/> messages over <paramref name="sessions"/> connections at once and
    /// counts what the process did for them. With <paramref name="connectionPerMessage"/> each message comes on a
    /// connection of its own (negotiation, connect, the message, quit), as Postfix's smtpd opens one milter connection
    /// per SMTP session and most sessions carry one message.</summary>
    public async Task<MilterLoadResult> RunAsync(int sessions, int messages, bool connectionPerMessage = false)
    {
        var clients = new List<Socket?>();
        for (int i = 0; i < sessions; i++)
        {
            clients.Add(connectionPerMessage ? null : await ConnectAsync(new byte[4096]).ConfigureAwait(false));
        }

        int perSession = Math.Max(1, messages / sessions);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long workItems = ThreadPool.CompletedWorkItemCount;
        long contentions = Monitor.LockContentionCount;
        int collections = GC.CollectionCount(0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(client => Task.Run(() => client is null
            ? SendMessagesOnNewConnectionsAsync(perSession)
            : SendMessagesAsync(client, perSession)))).ConfigureAwait(false);
        stopwatch.Stop();
        double sent = perSession * sessions;
        var result = new MilterLoadResult(
            sent / stopwatch.Elapsed.TotalSeconds,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / sent,
            (ThreadPool.CompletedWorkItemCount - workItems) / sent,
            (Monitor.LockContentionCount - contentions) / sent,
            (GC.CollectionCount(0) - collections) * 1000 / sent,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / sent);
        foreach (var client in clients)
        {
            client?.Dispose();
        }

        return result;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync().ConfigureAwait(false);

    private async Task<Socket> ConnectAsync(byte[] buffer)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(_server.LocalEndPoint!).ConfigureAwait(false);
        await socket.SendAsync(_connection[0].AsMemory()).ConfigureAwait(false);
        await ReadRepliesAsync(socket, buffer).ConfigureAwait(false);
        foreach (byte[] packet in _connection.Skip(1))
        {
            await socket.SendAsync(packet.AsMemory()).ConfigureAwait(false);
        }

        return socket;
    }

    private async Task SendMessagesOnNewConnectionsAsync(int count)
    {
        // The client's buffers are made once, so the bytes counted per message are the milter's.
        byte[] quit = Encode(new MilterSignal(MilterCommandCode.Quit));
        byte[] buffer = new byte[4096];
        for (int m = 0; m < count; m++)
        {
            using var socket = await ConnectAsync(buffer).ConfigureAwait(false);
            await SendMessagesAsync(socket, 1, buffer).ConfigureAwait(false);
            await socket.SendAsync(quit.AsMemory()).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Send);

            // The milter closes its side once it has read the quit.
            while (await socket.ReceiveAsync(buffer.AsMemory()).ConfigureAwait(false) > 0)
            {
            }
        }
    }

    private async Task SendMessagesAsync(Socket socket, int count, byte[]? buffer = null)
    {
        buffer ??= new byte[4096];
        for (int m = 0; m < count; m++)
        {
            foreach (byte[] packet in _message)
            {
                await socket.SendAsync(packet.AsMemory()).ConfigureAwait(false);
            }

            int inserted = await ReadRepliesAsync(socket, buffer).ConfigureAwait(false);
            if (_signing && inserted == 0)
            {
                throw new InvalidOperationException("the milter did not sign the message");
            }
        }
    }

    /// <summary>Reads packets up to the one that ends the step (anything but a header edit); returns the header
    /// inserts seen on the way.</summary>
    private static async Task<int> ReadRepliesAsync(Socket socket, byte[] buffer)
    {
        int filled = 0;
        int inserted = 0;
        while (true)
        {
            int read = await socket.ReceiveAsync(buffer.AsMemory(filled)).ConfigureAwait(false);
            if (read == 0)
            {
                throw new InvalidOperationException("the milter closed the connection");
            }

            filled += read;
            int offset = 0;
            while (filled - offset >= 5)
            {
                int length = (int)BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(offset));
                if (filled - offset < 4 + length)
                {
                    break;
                }

                var code = (MilterReplyCode)buffer[offset + 4];
                offset += 4 + length;
                if (code is MilterReplyCode.InsertHeader or MilterReplyCode.AddHeader or MilterReplyCode.ChangeHeader)
                {
                    inserted++;
                    continue;
                }

                if (code is not (MilterReplyCode.Continue or MilterReplyCode.Accept or MilterReplyCode.OptionNegotiation))
                {
                    throw new InvalidOperationException($"the milter answered '{(char)code}'");
                }

                return inserted;
            }

            buffer.AsSpan(offset, filled - offset).CopyTo(buffer);
            filled -= offset;
        }
    }

    private static List<byte[]> ConnectionPackets(string clientAddress) =>
    [
        Encode(new MilterNegotiation(6, (MilterActions)0x1FF, (MilterProtocolSteps)0x1FFFFF)),
        Encode(Macros(MilterCommandCode.Connect, ("j", "mx.example.net"), ("{daemon_name}", "smtpd"), ("{client_addr}", clientAddress))),
        Encode(new MilterConnect("client.example", MilterAddressFamily.Inet, 25000, clientAddress)),
    ];

    /// <summary>What the DKIM profile leaves of Postfix's per-message packets: HELO, RCPT and DATA are not sent.
    /// Header values carry their leading space (SMFIP_HDR_LEADSPC) and fold with a bare newline, as Postfix sends them.</summary>
    private static List<byte[]> MessagePackets(byte[] message)
    {
        var (header, body) = TestMessages.Split(message);
        var packets = new List<byte[]>
        {
            Encode(Macros(MilterCommandCode.Mail, ("i", "4ABCD123"), ("{mail_addr}", "alice@example.com"))),
            Encode(new MilterEnvelope(MilterCommandCode.Mail, ["<alice@example.com>", "SIZE=" + message.Length])),
        };
        foreach (var field in header.Fields)
        {
            packets.Add(Encode(MilterHeader.Create(field.Name, Encoding.UTF8.GetString(field.Value).Replace("\r\n", "\n", StringComparison.Ordinal))));
        }

        packets.Add(Encode(Macros(MilterCommandCode.EndOfHeaders, ("i", "4ABCD123"))));
        packets.Add(Encode(new MilterSignal(MilterCommandCode.EndOfHeaders)));
        for (int offset = 0; offset < body.Length; offset += 65535)
        {
            packets.Add(Encode(new MilterBodyChunk(new(body.AsMemory(offset, Math.Min(65535, body.Length - offset))))));
        }

        packets.Add(Encode(Macros(MilterCommandCode.EndOfMessage, ("i", "4ABCD123"))));
        packets.Add(Encode(new MilterEndOfMessage(default)));
        return packets;
    }

    private static MilterMacros Macros(MilterCommandCode step, params (string Name, string Value)[] values) =>
        new(step, values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)).ToList());

    private static byte[] Encode(MilterCommand command)
    {
        var writer = new ArrayBufferWriter<byte>();
        MilterCommandWriter.Write(writer, command);
        return writer.WrittenSpan.ToArray();
    }

    private static byte[] SignWith(IReadOnlyList<DkimSigningRequest> requests, byte[] message)
    {
        var (header, body) = TestMessages.Split(message);
        if (!DkimSigner.TryCreate(requests, null, out var signer, out string error))
        {
            throw new InvalidOperationException(error);
        }

        return TestMessages.Prepend(signer.Sign(header, body), message);
    }

    private sealed class FixedSigningPolicy(IReadOnlyList<DkimSigningRequest> requests) : IMailSigningPolicy
    {
        public ValueTask<MailSigningDecision> DecideAsync(MailSigningContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(MailSigningDecision.Sign(requests, "bench"));
    }
}
