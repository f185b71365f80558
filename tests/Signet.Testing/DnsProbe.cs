using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Signet.Testing;

/// <summary>Sends one bare DNS query over UDP to see whether a server is answering yet.</summary>
internal static class DnsProbe
{
    private const ushort SoaType = 6;
    private const ushort InternetClass = 1;

    /// <summary>True if any reply to a SOA query for <paramref name="zone"/> comes back within
    /// <paramref name="timeout"/>, whatever its RCODE; with <paramref name="requireAuthoritative"/>, only an
    /// authoritative NOERROR counts (a secondary before its first transfer answers SERVFAIL).</summary>
    public static async Task<bool> AnswersAsync(IPEndPoint server, string zone, TimeSpan timeout, CancellationToken cancellationToken,
        bool requireAuthoritative = false)
    {
        ushort id = (ushort)Random.Shared.Next(ushort.MaxValue + 1);
        using var client = new UdpClient(AddressFamily.InterNetwork);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await client.SendAsync(BuildQuery(id, zone), server, deadline.Token).ConfigureAwait(false);
            while (true)
            {
                var reply = await client.ReceiveAsync(deadline.Token).ConfigureAwait(false);
                byte[] bytes = reply.Buffer;

                // RFC 1035 §4.1.1: the reply carries the query's ID and has the QR bit set.
                if (bytes.Length >= 12 && BinaryPrimitives.ReadUInt16BigEndian(bytes) == id && (bytes[2] & 0x80) != 0)
                {
                    // RFC 1035 §4.1.1: AA is bit 2 of the third byte, RCODE the low four bits of the fourth.
                    return !requireAuthoritative || ((bytes[2] & 0x04) != 0 && (bytes[3] & 0x0F) == 0);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (SocketException)
        {
            // ICMP port unreachable comes back as a socket error: nobody is listening yet.
            return false;
        }
    }

    private static byte[] BuildQuery(ushort id, string zone)
    {
        var query = new List<byte>(64);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 1);
        query.AddRange(header.ToArray());
        foreach (string label in zone.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            byte[] bytes = Encoding.ASCII.GetBytes(label);
            query.Add((byte)bytes.Length);
            query.AddRange(bytes);
        }

        query.Add(0);
        query.AddRange([SoaType >> 8, SoaType & 0xFF, InternetClass >> 8, InternetClass & 0xFF]);
        return [.. query];
    }
}
