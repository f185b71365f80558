using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Signet.Testing;

/// <summary>Sends one message over SMTP the plain way a submission client does, and reports the server's reply to
/// each step, so tests can assert on 250 versus 4xx/5xx.</summary>
public static class SmtpTestClient
{
    public static async Task<SmtpTestResult> SendAsync(IPEndPoint server, string from, IReadOnlyList<string> recipients, byte[] message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(message);
        using var client = new TcpClient();
        await client.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        var reader = new SmtpLineReader(stream);
        var replies = new List<string> { await ReplyAsync(reader, cancellationToken).ConfigureAwait(false) };
        async Task<string> Command(string line)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), cancellationToken).ConfigureAwait(false);
            string reply = await ReplyAsync(reader, cancellationToken).ConfigureAwait(false);
            replies.Add(reply);
            return reply;
        }

        await Command("EHLO client.signet.test").ConfigureAwait(false);
        if (!(await Command($"MAIL FROM:<{from}>").ConfigureAwait(false)).StartsWith('2'))
        {
            return new SmtpTestResult(replies[^1], replies);
        }

        int accepted = 0;
        foreach (string recipient in recipients)
        {
            accepted += (await Command($"RCPT TO:<{recipient}>").ConfigureAwait(false)).StartsWith('2') ? 1 : 0;
        }

        if (accepted == 0 || !(await Command("DATA").ConfigureAwait(false)).StartsWith('3'))
        {
            return new SmtpTestResult(replies[^1], replies);
        }

        await stream.WriteAsync(DotStuff(message), cancellationToken).ConfigureAwait(false);
        string final = await Command(".").ConfigureAwait(false);
        await Command("QUIT").ConfigureAwait(false);
        return new SmtpTestResult(final, replies);
    }

    // RFC 5321 §4.5.2: a line starting with "." gets another; the message must end in CRLF before ".".
    private static byte[] DotStuff(byte[] message)
    {
        var text = new MemoryStream(message.Length + 64);
        bool lineStart = true;
        foreach (byte b in message)
        {
            if (lineStart && b == (byte)'.')
            {
                text.WriteByte((byte)'.');
            }

            text.WriteByte(b);
            lineStart = b == (byte)'\n';
        }

        if (!lineStart)
        {
            text.Write("\r\n"u8);
        }

        return text.ToArray();
    }

    private static async Task<string> ReplyAsync(SmtpLineReader reader, CancellationToken cancellationToken)
    {
        var reply = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
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

/// <summary>The reply to the end of DATA (or to the step that stopped the transaction), and every reply seen.</summary>
public sealed record SmtpTestResult(string FinalReply, IReadOnlyList<string> Replies)
{
    public bool Accepted => FinalReply.StartsWith('2');

    public bool TemporarilyRefused => FinalReply.StartsWith('4');
}
