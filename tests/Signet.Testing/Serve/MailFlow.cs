using System.Text;
using Signet.Testing;

namespace Signet.Testing.Serve;

/// <summary>One mail flow on loopback: a data directory with keys, nsd serving their records, <c>signet serve</c> as a
/// child process, a private Postfix using it as its milter, and an SMTP sink as Postfix's next hop.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MailFlow : IAsyncDisposable
{
    private MailFlow(TemporaryDirectory data, AuthoritativeDnsServer dns, SmtpSink sink)
    {
        Data = data;
        Dns = dns;
        Sink = sink;
    }

    public TemporaryDirectory Data { get; }

    public AuthoritativeDnsServer Dns { get; }

    public SmtpSink Sink { get; }

    public ServeProcess? Serve { get; private set; }

    public PostfixInstance Postfix { get; private set; } = null!;

    public int MilterPort { get; private set; }

    public string[] ServeArguments { get; private set; } = [];

    public IReadOnlyDictionary<string, string>? ServeEnvironment { get; private set; }

    /// <summary>Keys for <paramref name="domains"/> (and the server key) in a new store, their records (plus
    /// <paramref name="extraZones"/>) in nsd, serve with <paramref name="arguments"/>, Postfix in front of it.</summary>
    public static async Task<MailFlow> StartAsync(
        IReadOnlyList<string> domains,
        bool serverKey = true,
        IReadOnlyList<string>? arguments = null,
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? extraZones = null)
    {
        var data = new TemporaryDirectory();
        var lines = await ServeKeys.SetUpAsync(data.Path, domains, serverKey);
        var dns = new AuthoritativeDnsServer();
        var zones = domains.Append("signet.test").Concat(extraZones?.Keys ?? []).Distinct().ToList();
        foreach (string zone in zones)
        {
            // Each key record goes in the closest zone that holds its name.
            var records = lines.Where(l => ClosestZone(zones, l.Split(' ')[0].TrimEnd('.')) == zone);
            dns.AddZone(zone, records.Concat(extraZones?.GetValueOrDefault(zone) ?? []));
        }

        await dns.StartAsync(CancellationToken.None);
        var flow = new MailFlow(data, dns, SmtpSink.Start());
        try
        {
            flow.ServeArguments = ["--hostname", ServeKeys.HostName, "--resolver", dns.Endpoint.ToString(), .. arguments ?? []];
            flow.ServeEnvironment = environment;
            await flow.StartServeAsync();
            flow.MilterPort = flow.Serve!.MilterPort;
            flow.Postfix = await PostfixInstance.StartAsync(
                new PostfixSettings(flow.Sink.Endpoint) { Milter = $"inet:127.0.0.1:{flow.MilterPort}", MilterDefaultAction = "tempfail" },
                CancellationToken.None);
            return flow;
        }
        catch
        {
            await flow.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts serve (again) on the same milter port, data and settings.</summary>
    public async Task StartServeAsync()
    {
        Serve = await ServeProcess.StartAsync(Data.Path, ServeArguments, ServeEnvironment, MilterPort == 0 ? null : MilterPort);
    }

    public async Task<int> StopServeAsync()
    {
        var serve = Serve ?? throw new InvalidOperationException("serve is not running");
        int code = await serve.StopAsync(TimeSpan.FromSeconds(30));
        await serve.DisposeAsync();
        Serve = null;
        return code;
    }

    public Task<SmtpTestResult> SendAsync(string from, string to, string message) =>
        SmtpTestClient.SendAsync(Postfix.SmtpEndpoint, from, [to], Encoding.ASCII.GetBytes(message.ReplaceLineEndings("\r\n")), CancellationToken.None);

    /// <summary>The one message whose Subject is <paramref name="subject"/>, once it arrived.</summary>
    public async Task<SmtpSinkMessage> ReceivedAsync(string subject, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var found = Sink.Messages.Where(m => m.Text.Contains("Subject: " + subject + "\r\n", StringComparison.Ordinal)).ToList();
            if (found.Count > 0)
            {
                return found.Count == 1
                    ? found[0]
                    : throw new InvalidOperationException($"{found.Count} messages arrived with the subject \"{subject}\", one was expected");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no message with Subject \"{subject}\" arrived. Postfix log:\n{Postfix.ReadLog()}\nserve:\n{Serve?.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Postfix is not null)
        {
            await Postfix.DisposeAsync();
        }

        if (Serve is not null)
        {
            await Serve.DisposeAsync();
        }

        await Sink.DisposeAsync();
        await Dns.DisposeAsync();
        Data.Dispose();
    }

    private static string? ClosestZone(IEnumerable<string> zones, string name) =>
        zones.Where(z => name.EndsWith("." + z, StringComparison.Ordinal)).MaxBy(z => z.Length);

    public static string Message(string from, string subject, string body = "Hello from the mail flow.\n", string extraHeaders = "") =>
        $"From: {from}\nTo: Bob <bob@example.net>\nSubject: {subject}\nDate: Sat, 28 Nov 2026 10:00:00 +0000\nMessage-ID: <{Guid.NewGuid():N}@signet.test>\n{extraHeaders}\n{body}";
}
