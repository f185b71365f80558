using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Signet.Dkim.Messages;

namespace Signet.Interop.Tests.Peers;

/// <summary>The MTA side of the milter protocol (version 6), as Postfix speaks it: one connection and one SMTP
/// transaction per message, header values sent as Postfix sends them, added fields written as Postfix writes them.
/// It exists because miltertest copies header fields and milter replies into 1 KiB buffers, which an RSA 4096
/// signature overflows, and always adds its own space after the colon.</summary>
internal static class OpenDkimMilterClient
{
    // libmilter's mfdef.h: commands, replies, and the protocol flags the filter may ask for in negotiation.
    private const byte OptionNegotiation = (byte)'O', Connect = (byte)'C', Macro = (byte)'D', MailFrom = (byte)'M',
        RecipientTo = (byte)'R', Data = (byte)'T', Header = (byte)'L', EndOfHeader = (byte)'N', Body = (byte)'B',
        EndOfBody = (byte)'E', Quit = (byte)'Q';

    private const uint NoConnect = 0x1, NoMail = 0x4, NoRecipient = 0x8, NoBody = 0x10, NoHeaders = 0x20, NoEndOfHeader = 0x40,
        NoHeaderReply = 0x80, NoData = 0x200, NoReplyConnect = 0x1000, NoReplyMail = 0x4000, NoReplyRecipient = 0x8000,
        NoReplyData = 0x10000, NoReplyEndOfHeader = 0x40000, NoReplyBody = 0x80000, HeaderLeadingSpace = 0x100000;

    private const uint ProtocolVersion = 6;
    private const uint AllActions = 0x1FF;

    // Every step and no-reply flag of version 6 and the raw header values; not SMFIP_SKIP or the large data sizes.
    private const uint OfferedProtocol = 0x1FFFFF & ~0x400u;

    private const int ChunkSize = 65535;
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The SMTP client the milter is told about: on loopback, which opendkim's default InternalHosts treats
    /// as a host whose mail it signs. Nothing connects to it.</summary>
    private const string ClientAddress = "127.0.0.1";

    /// <summary>Runs each message through the milter at <paramref name="socketPath"/>; one transaction per message,
    /// same order. One at a time: opendkim reads its ResolverConfiguration again for each connection with
    /// libunbound's flex parser, which is not thread-safe, and two connections at once can crash the milter.</summary>
    public static async Task<IReadOnlyList<OpenDkimTransaction>> RunAsync(
        string socketPath, IReadOnlyList<byte[]> messages, CancellationToken cancellationToken)
    {
        var transactions = new List<OpenDkimTransaction>(messages.Count);
        for (int index = 0; index < messages.Count; index++)
        {
            transactions.Add(await TransactAsync(socketPath, messages[index], index, cancellationToken).ConfigureAwait(false));
        }

        return transactions;
    }

    private static async Task<OpenDkimTransaction> TransactAsync(string socketPath, byte[] message, int index, CancellationToken cancellationToken)
    {
        int bodyStart = DkimHeaderSection.FindBodyStart(message);
        int headerEnd = bodyStart < 0 ? message.Length : bodyStart;
        if (!DkimMessageHeader.TryParse(DkimHeaderSection.WithoutSeparator(message.AsSpan(0, headerEnd)), out var header, out string error))
        {
            return new OpenDkimTransaction('\0', [], "the header section does not parse: " + error);
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await ConnectAsync(socket, socketPath, cancellationToken).ConfigureAwait(false);
            using var stream = new NetworkStream(socket, ownsSocket: false);
            var session = new Session(stream, cancellationToken);
            var transaction = await session.RunAsync(header, message.AsMemory(bodyStart < 0 ? message.Length : bodyStart), $"INTEROP{index}")
                .ConfigureAwait(false);
            await session.SendAsync(Quit, []).ConfigureAwait(false);
            return transaction;
        }
        catch (Exception exception) when (exception is IOException or SocketException or InvalidDataException)
        {
            return new OpenDkimTransaction('\0', [], exception.Message);
        }
    }

    /// <summary>A UNIX socket refuses connections while its listen queue is full; the milter drains it quickly.</summary>
    private static async Task ConnectAsync(Socket socket, string socketPath, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One connection: negotiation, then the SMTP steps the filter asked for, then end-of-message.</summary>
    private sealed class Session(NetworkStream stream, CancellationToken cancellationToken)
    {
        private uint _protocol;

        public async Task<OpenDkimTransaction> RunAsync(DkimMessageHeader header, ReadOnlyMemory<byte> body, string queueId)
        {
            await NegotiateAsync().ConfigureAwait(false);
            char reply = await StepAsync(NoConnect, NoReplyConnect, Connect, ConnectData()).ConfigureAwait(false);
            if (reply == 'c')
            {
                await SendAsync(Macro, [MailFrom, .. Strings("i", queueId)]).ConfigureAwait(false);
                reply = await StepAsync(NoMail, NoReplyMail, MailFrom, Strings("<sender@interop.invalid>")).ConfigureAwait(false);
            }

            reply = reply == 'c' ? await StepAsync(NoRecipient, NoReplyRecipient, RecipientTo, Strings("<recipient@interop.invalid>")).ConfigureAwait(false) : reply;
            reply = reply == 'c' ? await StepAsync(NoData, NoReplyData, Data, []).ConfigureAwait(false) : reply;
            foreach (var field in header.Fields)
            {
                reply = reply == 'c' ? await StepAsync(NoHeaders, NoHeaderReply, Header, HeaderData(field)).ConfigureAwait(false) : reply;
            }

            reply = reply == 'c' ? await StepAsync(NoEndOfHeader, NoReplyEndOfHeader, EndOfHeader, []).ConfigureAwait(false) : reply;
            for (int offset = 0; reply == 'c' && offset < body.Length; offset += ChunkSize)
            {
                var chunk = body.Slice(offset, Math.Min(ChunkSize, body.Length - offset));
                reply = await StepAsync(NoBody, NoReplyBody, Body, chunk.ToArray()).ConfigureAwait(false);
                reply = reply == 's' ? 'c' : reply;
            }

            return reply == 'c' ? await EndOfMessageAsync().ConfigureAwait(false) : new OpenDkimTransaction(reply, [], null);
        }

        public async Task SendAsync(byte command, byte[] data)
        {
            byte[] packet = new byte[5 + data.Length];
            BinaryPrimitives.WriteUInt32BigEndian(packet, (uint)data.Length + 1);
            packet[4] = command;
            data.CopyTo(packet, 5);
            await stream.WriteAsync(packet, cancellationToken).ConfigureAwait(false);
        }

        private async Task NegotiateAsync()
        {
            byte[] offer = new byte[12];
            BinaryPrimitives.WriteUInt32BigEndian(offer, ProtocolVersion);
            BinaryPrimitives.WriteUInt32BigEndian(offer.AsSpan(4), AllActions);
            BinaryPrimitives.WriteUInt32BigEndian(offer.AsSpan(8), OfferedProtocol);
            await SendAsync(OptionNegotiation, offer).ConfigureAwait(false);
            var (command, data) = await ReceiveAsync().ConfigureAwait(false);
            if (command != OptionNegotiation || data.Length < 12)
            {
                throw new InvalidDataException($"the milter answered negotiation with '{(char)command}'");
            }

            _protocol = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(8));
        }

        /// <summary>Sends a step unless the filter asked to skip it; reads its reply unless the filter asked for none.</summary>
        private async Task<char> StepAsync(uint skipFlag, uint noReplyFlag, byte command, byte[] data)
        {
            if ((_protocol & skipFlag) != 0)
            {
                return 'c';
            }

            await SendAsync(command, data).ConfigureAwait(false);
            if ((_protocol & noReplyFlag) != 0)
            {
                return 'c';
            }

            var (reply, _) = await ReceiveAsync().ConfigureAwait(false);
            return (char)reply;
        }

        private async Task<OpenDkimTransaction> EndOfMessageAsync()
        {
            await SendAsync(EndOfBody, []).ConfigureAwait(false);
            var added = new List<(int Order, byte[] Field)>();
            while (true)
            {
                var (command, data) = await ReceiveAsync().ConfigureAwait(false);
                switch ((char)command)
                {
                    case 'h':
                        added.Add((int.MaxValue, AddedField(data)));
                        break;
                    case 'i':
                        added.Add(((int)BinaryPrimitives.ReadUInt32BigEndian(data), AddedField(data.AsSpan(4))));
                        break;
                    case 'p':
                        break;
                    case 'a' or 'c' or 'd' or 'r' or 't' or 'y':
                        return new OpenDkimTransaction((char)command, [.. added.OrderBy(a => a.Order).Select(a => a.Field)], null);
                    default:
                        // Other modifications (recipients, body, quarantine) are not what DKIM milters do; noted and ignored.
                        break;
                }
            }
        }

        /// <summary>Postfix sends the value after the colon; without SMFIP_HDR_LEADSPC it first eats one space
        /// (Sendmail compatibility).</summary>
        private byte[] HeaderData(DkimHeaderField field)
        {
            var value = field.Value;
            if ((_protocol & HeaderLeadingSpace) == 0 && value.Length > 0 && value[0] == (byte)' ')
            {
                value = value[1..];
            }

            return [.. Encoding.Latin1.GetBytes(field.Name), 0, .. value, 0];
        }

        /// <summary>The field the MTA writes for an added header: a space after the colon unless the milter
        /// negotiated raw values, and CRLF for the milter's bare-LF folds (RFC 5322 §2.2.3).</summary>
        private byte[] AddedField(ReadOnlySpan<byte> data)
        {
            int nameEnd = data.IndexOf((byte)0);
            int valueEnd = data[(nameEnd + 1)..].IndexOf((byte)0);
            if (nameEnd < 0 || valueEnd < 0)
            {
                throw new InvalidDataException("the milter added a header field without its NUL terminators");
            }

            string name = Encoding.Latin1.GetString(data[..nameEnd]);
            string value = Encoding.Latin1.GetString(data.Slice(nameEnd + 1, valueEnd))
                .Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
            string space = (_protocol & HeaderLeadingSpace) == 0 ? " " : string.Empty;
            return Encoding.Latin1.GetBytes($"{name}:{space}{value}\r\n");
        }

        private async Task<(byte Command, byte[] Data)> ReceiveAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ReplyTimeout);
            byte[] length = new byte[4];
            await stream.ReadExactlyAsync(length, timeout.Token).ConfigureAwait(false);
            uint size = BinaryPrimitives.ReadUInt32BigEndian(length);
            if (size is 0 or > 16 * 1024 * 1024)
            {
                throw new InvalidDataException($"the milter sent a packet of {size} bytes");
            }

            byte[] packet = new byte[size];
            await stream.ReadExactlyAsync(packet, timeout.Token).ConfigureAwait(false);
            return (packet[0], packet[1..]);
        }

        private static byte[] ConnectData()
        {
            byte[] port = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(port, 25);
            return [.. Strings("client.interop.invalid"), (byte)'4', .. port, .. Strings(ClientAddress)];
        }

        private static byte[] Strings(params string[] values) => [.. values.SelectMany(v => Encoding.Latin1.GetBytes(v + "\0"))];
    }
}
