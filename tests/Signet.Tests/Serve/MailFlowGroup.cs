namespace Signet.Tests.Serve;

/// <summary>The mail-flow tests run one after another: each starts Postfix, nsd and serve, and the load test
/// measures throughput, which tests running beside it would distort.</summary>
[CollectionDefinition(Name)]
public sealed class MailFlowGroup : ICollectionFixture<OutboundMailFlow>
{
    public const string Name = "signet serve mail flow";
}

/// <summary>The flow the outbound tests share: example.com with its key, the server-wide key for the host name,
/// the parent zones served too (so the DMARC tree walk of alignment gets answers), loopback clients internal (the default), packets limited to 64 KiB (set through the environment) for miltertest's
/// oversized packet. Each test sends its own messages and finds them by Subject, so none depends on another.</summary>
public sealed class OutboundMailFlow : IAsyncLifetime
{
    internal MailFlow Flow { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Flow = await MailFlow.StartAsync(
            ["example.com"],
            serverKey: true,
            environment: new Dictionary<string, string> { ["SIGNET_MILTER__MAXIMUMPACKETSIZE"] = "65536" },
            extraZones: new Dictionary<string, IReadOnlyList<string>> { ["example"] = [], ["test"] = [] });

    public async Task DisposeAsync() => await Flow.DisposeAsync();
}
