using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Signet.Testing;

/// <summary>A small SMTP server on a loopback port that accepts mail and keeps it for the test to read: the last
/// hop of Postfix and relay tests. It speaks EHLO/HELO, MAIL, RCPT, DATA (with dot-unstuffing), RSET, NOOP and
/// QUIT, and can be told to answer RCPT or DATA with a given reply to test failure paths.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private readonly ConcurrentQueue<SmtpSinkMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private SmtpSink(TcpListener listener)
    {
        _listener = listener;
        _acceptLoop = AcceptAsync();
    }

    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndpoint;

    public IReadOnlyCollection<SmtpSinkMessage> Messages => _messages;

    /// <summary>When set, RCPT TO for a recipient matching the key gets this reply (e.g. "550 5.1.1 no such user").</summary>
    public ConcurrentDictionary<string, string> RecipientReplies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, the end of DATA gets this reply instead of 250 (e.g. "451 4.3.0 try later").</summary>
    public string? DataReply { get; set; }

    public static SmtpSink Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new SmtpSink(listener);
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived in all, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<SmtpSinkMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (_messages.Count < count)
        {
            try
            {
                await _arrived.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the SMTP sink received {_messages.Count} of {count} messages within {timeout.TotalSeconds:0} s");
            }
        }

        return [.. _messages];
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
        _arrived.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var session = new SmtpSinkSession(client.GetStream(), this);
                await session.RunAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
            {
                // The peer went away; nothing to keep.
            }
        }
    }

    internal void Accept(SmtpSinkMessage message)
    {
        _messages.Enqueue(message);
        _arrived.Release();
    }

    private sealed class SmtpSinkSession(NetworkStream stream, SmtpSink sink)
    {
        private string? _from;
        private readonly List<string> _recipients = [];

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var reader = new SmtpLineReader(stream);
            await WriteAsync("220 sink.signet.test ESMTP ready", cancellationToken).ConfigureAwait(false);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                string command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                string reply = command switch
                {
                    "EHLO" => "250-sink.signet.test\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 104857600",
                    "HELO" => "250 sink.signet.test",
                    "MAIL" => Mail(line),
                    "RCPT" => Recipient(line),
                    "DATA" => _recipients.Count == 0 ? "503 5.5.1 no recipients" : "354 end with <CRLF>.<CRLF>",
                    "RSET" => Reset(),
                    "NOOP" => "250 2.0.0 ok",
                    "QUIT" => "221 2.0.0 bye",
                    _ => "502 5.5.2 not implemented",
                };
                await WriteAsync(reply, cancellationToken).ConfigureAwait(false);
                if (command == "QUIT")
                {
                    return;
                }

                if (command == "DATA" && reply.StartsWith("354", StringComparison.Ordinal))
                {
                    byte[] data = await reader.ReadDataAsync(cancellationToken).ConfigureAwait(false);
                    string dataReply = sink.DataReply ?? "250 2.0.0 queued";
                    if (dataReply.StartsWith('2'))
                    {
                        sink.Accept(new SmtpSinkMessage(_from ?? string.Empty, [.. _recipients], data));
                    }

                    Reset();
                    await WriteAsync(dataReply, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private string Mail(string line)
        {
            _from = Address(line);
            _recipients.Clear();
            return "250 2.1.0 ok";
        }

        private string Recipient(string line)
        {
            string address = Address(line);
            foreach (var (pattern, reply) in sink.RecipientReplies)
            {
                if (address.Contains(pattern, StringComparison.OrdinalIgnoreCase))
                {
                    return reply;
                }
            }

            _recipients.Add(address);
            return "250 2.1.5 ok";
        }

        private string Reset()
        {
            _from = null;
            _recipients.Clear();
            return "250 2.0.0 ok";
        }

        private static string Address(string line)
        {
            int open = line.IndexOf('<', StringComparison.Ordinal);
            int close = line.IndexOf('>', StringComparison.Ordinal);
            return open >= 0 && close > open ? line[(open + 1)..close] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }

        private async Task WriteAsync(string reply, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>A message the sink accepted: the envelope and the bytes exactly as received (dot-unstuffed).</summary>
public sealed record SmtpSinkMessage(string MailFrom, IReadOnlyList<string> Recipients, byte[] Data)
{
    public string Text => Encoding.UTF8.GetString(Data);
}
