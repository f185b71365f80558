using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Signet.Relay.Tests.Support;

/// <summary>An SMTP client for the tests that need more than one message per connection, STARTTLS or AUTH. It
/// streams DATA from a <see cref="Stream"/>, dot-stuffing as it goes, so a large message need not be in memory.</summary>
internal sealed class RelayTestClient : IAsyncDisposable
{
    private readonly TcpClient _client;
    private Stream _stream;
    private StreamReader _reader;

    private RelayTestClient(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new StreamReader(_stream, Encoding.ASCII, false, 1024, leaveOpen: true);
    }

    public string Capabilities { get; private set; } = string.Empty;

    public static async Task<RelayTestClient> ConnectAsync(IPEndPoint server)
    {
        var client = new TcpClient();
        await client.ConnectAsync(server);
        var session = new RelayTestClient(client);
        string greeting = await session.ReadReplyAsync();
        Assert.StartsWith("220", greeting);
        session.Capabilities = await session.CommandAsync("EHLO client.signet.test");
        return session;
    }

    /// <summary>Writes <paramref name="text"/> as it is, in one write: pipelined commands, or a client that does not wait.</summary>
    public async Task WriteAsync(string text) => await _stream.WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task<string> CommandAsync(string line)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
        return await ReadReplyAsync();
    }

    /// <summary>STARTTLS, trusting only the test's self-signed certificate (by its SHA-1 hash), then EHLO again;
    /// <paramref name="injected"/> goes in the same write as STARTTLS, in plain text (an attacker's command).</summary>
    public async Task StartTlsAsync(string certificateHash, string injected = "")
    {
        await WriteAsync("STARTTLS\r\n" + injected);
        Assert.StartsWith("220", await ReadReplyAsync());
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false, (_, certificate, _, _) => certificate?.GetCertHashString() == certificateHash);
        await tls.AuthenticateAsClientAsync("relay.signet.test");
        _stream = tls;
        _reader = new StreamReader(tls, Encoding.ASCII, false, 1024, leaveOpen: true);
        Capabilities = await CommandAsync("EHLO client.signet.test");
    }

    public Task<string> AuthenticatePlainAsync(string user, string password) =>
        CommandAsync("AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}")));

    /// <summary>One transaction; returns every reply, the last being the answer to the end of DATA (or the step that stopped it).</summary>
    public async Task<IReadOnlyList<string>> SendAsync(string from, IReadOnlyList<string> recipients, Stream content, string mailParameters = "")
    {
        var replies = new List<string> { await CommandAsync($"MAIL FROM:<{from}>{mailParameters}") };
        if (!replies[^1].StartsWith('2'))
        {
            return replies;
        }

        int accepted = 0;
        foreach (string recipient in recipients)
        {
            replies.Add(await CommandAsync($"RCPT TO:<{recipient}>"));
            accepted += replies[^1].StartsWith('2') ? 1 : 0;
        }

        replies.Add(await CommandAsync("DATA"));
        if (accepted == 0 || !replies[^1].StartsWith("354", StringComparison.Ordinal))
        {
            return replies;
        }

        await WriteStuffedAsync(content);
        replies.Add(await ReadReplyAsync());
        return replies;
    }

    public Task<IReadOnlyList<string>> SendAsync(string from, IReadOnlyList<string> recipients, byte[] message) =>
        SendAsync(from, recipients, new MemoryStream(message));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CommandAsync("QUIT");
        }
        catch (IOException)
        {
            // The server closed first.
        }

        _reader.Dispose();
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private async Task WriteStuffedAsync(Stream content)
    {
        byte[] input = new byte[64 * 1024];
        var output = new MemoryStream(70 * 1024);
        bool lineStart = true;
        int read;
        while ((read = await content.ReadAsync(input)) > 0)
        {
            output.SetLength(0);
            for (int i = 0; i < read; i++)
            {
                if (lineStart && input[i] == (byte)'.')
                {
                    output.WriteByte((byte)'.');
                }

                output.WriteByte(input[i]);
                lineStart = input[i] == (byte)'\n';
            }

            await _stream.WriteAsync(output.GetBuffer().AsMemory(0, (int)output.Length));
        }

        await _stream.WriteAsync(lineStart ? ".\r\n"u8.ToArray() : "\r\n.\r\n"u8.ToArray());
    }

    public async Task<string> ReadReplyAsync()
    {
        var reply = new StringBuilder();
        while (await _reader.ReadLineAsync() is { } line)
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
