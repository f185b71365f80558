using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>One node of the fleet: a <c>signet serve</c> process with a data directory of its own and its store in
/// the shared PostgreSQL, a private Postfix using it as its milter, and an SMTP sink as that Postfix's next hop, so
/// every message in <see cref="Sink"/> went through this node.</summary>
internal sealed class ServeFleetNode : IAsyncDisposable
{
    private readonly TemporaryDirectory _data;

    private ServeFleetNode(string name, TemporaryDirectory data, SmtpSink sink)
    {
        Name = name;
        _data = data;
        Sink = sink;
    }

    /// <summary>The node's application name in PostgreSQL: its statements are counted under it.</summary>
    public string Name { get; }

    public SmtpSink Sink { get; }

    public ServeProcess Serve { get; private set; } = null!;

    public PostfixInstance Postfix { get; private set; } = null!;

    public static async Task<ServeFleetNode> StartAsync(string name, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var node = new ServeFleetNode(name, new TemporaryDirectory(), SmtpSink.Start());
        try
        {
            node.Serve = await ServeProcess.StartAsync(node._data.Path, arguments, environment);
            node.Postfix = await PostfixInstance.StartAsync(
                new PostfixSettings(node.Sink.Endpoint) { Milter = $"inet:127.0.0.1:{node.Serve.MilterPort}", HostName = $"{name}.signet.test" },
                CancellationToken.None);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until Postfix holds nothing more to deliver, so what the sink has is all it will get.</summary>
    public Task QueueEmptyAsync(TimeSpan deadline) =>
        Eventually.Until(
            async () => (await Postfix.QueueAsync(CancellationToken.None)).Contains("Mail queue is empty", StringComparison.Ordinal),
            $"the Postfix of {Name} delivered everything it queued",
            deadline);

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
        _data.Dispose();
    }
}
