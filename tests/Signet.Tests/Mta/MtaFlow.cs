using System.Text;
using Signet.Testing;

namespace Signet.Tests.Mta;

/// <summary>What every MTA test needs behind its MTA: a store with a key for each domain, nsd serving their records,
/// <c>signet serve</c> as a child process (milter, and the relay when asked), and an SMTP sink as the last hop.
/// The MTA in front (Sendmail, Exim) is the test's own.</summary>
internal sealed class MtaFlow : IAsyncDisposable
{
    private MtaFlow(TemporaryDirectory data, AuthoritativeDnsServer dns, SmtpSink sink)
    {
        Data = data;
        Dns = dns;
        Sink = sink;
    }

    public TemporaryDirectory Data { get; }

    public AuthoritativeDnsServer Dns { get; }

    public SmtpSink Sink { get; }

    public ServeProcess Serve { get; private set; } = null!;

    /// <summary>Keys for <paramref name="domain"/> in a new store, its record in nsd, serve started with
    /// <paramref name="arguments"/> (each "{sink}" replaced by the sink's endpoint).</summary>
    public static async Task<MtaFlow> StartAsync(string domain, IReadOnlyList<string> arguments)
    {
        var data = new TemporaryDirectory();
        var lines = await ServeKeys.SetUpAsync(data.Path, [domain], serverKey: false);
        var dns = new AuthoritativeDnsServer().AddZone(domain, lines);
        var flow = new MtaFlow(data, dns, SmtpSink.Start());
        try
        {
            await dns.StartAsync(CancellationToken.None);
            string sink = flow.Sink.Endpoint.ToString();
            flow.Serve = await ServeProcess.StartAsync(
                data.Path,
                ["--hostname", ServeKeys.HostName, "--resolver", dns.Endpoint.ToString(), .. arguments.Select(a => a.Replace("{sink}", sink, StringComparison.Ordinal))]);
            return flow;
        }
        catch
        {
            await flow.DisposeAsync();
            throw;
        }
    }

    public static byte[] Message(string subject) =>
        Encoding.ASCII.GetBytes(MailFlow.Message("Alice <alice@example.com>", subject).ReplaceLineEndings("\r\n"));

    /// <summary>The one message whose Subject is <paramref name="subject"/>, once it arrived; <paramref name="explain"/>
    /// says why not (the MTA's queue) when it does not.</summary>
    public async Task<SmtpSinkMessage> ReceivedAsync(string subject, Func<Task<string>> explain)
    {
        try
        {
            await Eventually.Until(() => Sink.Messages.Any(m => m.Text.Contains("Subject: " + subject + "\r\n", StringComparison.Ordinal)), $"a message with Subject \"{subject}\" arrives");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}\nthe MTA:\n{await explain()}\nserve:\n{Serve?.Output}", exception);
        }

        return Assert.Single(Sink.Messages, m => m.Text.Contains("Subject: " + subject + "\r\n", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (Serve is not null)
        {
            await Serve.DisposeAsync();
        }

        await Sink.DisposeAsync();
        await Dns.DisposeAsync();
        Data.Dispose();
    }
}
