using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using Signet.Relay.Smtp;

namespace Signet.Relay.NextHop;

/// <summary>One SMTP client connection to the next hop, driven step by step by the relay session so each client
/// command is answered with the next hop's own answer. Every failure is a reply value: a connection that breaks or a
/// reply that does not come in time becomes a 4xx (the client keeps the message and retries) and marks the connection
/// broken.</summary>
internal sealed class NextHopConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly TimeSpan _timeout;

    private NextHopConnection(TcpClient client, TimeSpan timeout)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
        _timeout = timeout;
    }

    public NextHopCapabilities Capabilities { get; private set; } = NextHopCapabilities.None;

    /// <summary>False once a step failed on the connection: it is closed and a new one is opened for the next message.</summary>
    public bool IsUsable { get; private set; } = true;

    /// <summary>Connects, reads the greeting and says EHLO (HELO when EHLO is refused).</summary>
    public static async Task<(NextHopConnection? Connection, SmtpReply Reply)> OpenAsync(
        RelayHostPort nextHop, string heloName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(timeout);
            try
            {
                await client.ConnectAsync(nextHop.Host, nextHop.Port, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                client.Dispose();
                return (null, SmtpReply.Of(451, "4.4.1", $"next hop {nextHop} unreachable, try again later"));
            }
        }

        var connection = new NextHopConnection(client, timeout);
        var greeting = await connection.ReadAsync("greeting", cancellationToken).ConfigureAwait(false);
        var reply = greeting.Code == 220 ? await connection.HelloAsync(heloName, cancellationToken).ConfigureAwait(false) : greeting;
        if (!reply.IsPositive)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return (null, AsTransient(reply));
        }

        return (connection, reply);
    }

    public ValueTask<SmtpReply> CommandAsync(string line, CancellationToken cancellationToken) =>
        ExchangeAsync(line, cancellationToken);

    /// <summary>Sends DATA, then the content <paramref name="writeContent"/> writes (dot-stuffed here), then the final dot,
    /// and returns the next hop's verdict on the message.</summary>
    public async ValueTask<SmtpReply> DataAsync(Func<SmtpDotStuffer, CancellationToken, ValueTask> writeContent, CancellationToken cancellationToken)
    {
        var start = await ExchangeAsync("DATA", cancellationToken).ConfigureAwait(false);
        if (start.Code != 354)
        {
            return start;
        }

        // A next hop that stops reading must not hold the client forever: each buffer written restarts the clock.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            using var stuffer = new SmtpDotStuffer(_stream, () => deadline.CancelAfter(_timeout));
            await writeContent(stuffer, deadline.Token).ConfigureAwait(false);
            await stuffer.CompleteAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return Broken("the connection broke while sending the message");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Broken($"the message was not taken within {_timeout.TotalSeconds:0} s");
        }

        return await ReadAsync("the end of DATA", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync().ConfigureAwait(false);
        _client.Dispose();
    }

    private async ValueTask<SmtpReply> HelloAsync(string heloName, CancellationToken cancellationToken)
    {
        var ehlo = await ExchangeAsync("EHLO " + heloName, cancellationToken).ConfigureAwait(false);
        if (ehlo.IsPositive)
        {
            Capabilities = NextHopCapabilities.FromEhlo(ehlo.Lines);
            return ehlo;
        }

        return IsUsable && ehlo.IsPermanentFailure ? await ExchangeAsync("HELO " + heloName, cancellationToken).ConfigureAwait(false) : ehlo;
    }

    private async ValueTask<SmtpReply> ExchangeAsync(string line, CancellationToken cancellationToken)
    {
        if (!IsUsable)
        {
            return Broken("the connection is closed");
        }

        try
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return Broken("the connection broke");
        }

        string verb = SmtpCommand.Parse(line).Verb;
        return await ReadAsync(verb, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<SmtpReply> ReadAsync(string step, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            var reply = await SmtpLineReader.ReadReplyAsync(_reader, deadline.Token).ConfigureAwait(false);
            return reply ?? Broken($"no valid reply to {step}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Broken($"no reply to {step} within {_timeout.TotalSeconds:0} s");
        }
        catch (IOException)
        {
            return Broken($"the connection broke waiting for the reply to {step}");
        }
    }

    private SmtpReply Broken(string reason)
    {
        IsUsable = false;
        return SmtpReply.Of(451, "4.4.2", "next hop: " + reason + ", try again later");
    }

    /// <summary>The greeting or EHLO failed in a way that says nothing about this message: the client retries.</summary>
    private static SmtpReply AsTransient(SmtpReply reply) =>
        reply.IsTransientFailure ? reply : SmtpReply.Of(451, "4.4.1", "next hop refused the connection: " + string.Join(" ", reply.Lines));
}
