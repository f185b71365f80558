using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Signet.Reliability.Tests.Support;

/// <summary>Sends one message from another loopback address (127.0.0.2), so a serve started with
/// <c>--internal-network 127.0.0.1/32</c> sees mail from outside and verifies it. The message must not have lines
/// starting with "." (no dot-stuffing here).</summary>
internal static class ExternalSmtpClient
{
    public static readonly IPAddress Address = IPAddress.Parse("127.0.0.2");

    public static async Task<string> SendAsync(IPEndPoint server, string from, string to, byte[] message, CancellationToken cancellationToken)
    {
        using var client = new TcpClient(new IPEndPoint(Address, 0));
        await client.ConnectAsync(server, cancellationToken);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        await ReplyAsync(reader, cancellationToken);
        foreach (string command in new[] { "EHLO sender.example", $"MAIL FROM:<{from}>", $"RCPT TO:<{to}>", "DATA" })
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken);
            string reply = await ReplyAsync(reader, cancellationToken);
            if (reply[0] is not ('2' or '3'))
            {
                return reply;
            }
        }

        await stream.WriteAsync(message, cancellationToken);
        await stream.WriteAsync("\r\n.\r\n"u8.ToArray(), cancellationToken);
        return await ReplyAsync(reader, cancellationToken);
    }

    private static async Task<string> ReplyAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var reply = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            reply.Append(line).Append('\n');
            if (line.Length < 4 || line[3] != '-')
            {
                break;
            }
        }

        return reply.ToString().TrimEnd('\n');
    }
}
