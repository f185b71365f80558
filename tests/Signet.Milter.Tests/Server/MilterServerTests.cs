using System.Buffers.Binary;
using System.Net.Sockets;
using Signet.Milter.Protocol;
using Signet.Milter.Tests.Support;
using Signet.Testing;

namespace Signet.Milter.Tests.Server;

public sealed class MilterServerTests
{
    private const string Message = TestMessages.Simple;

    [Fact]
    public async Task MalformedPacket_LengthTooLarge_ClosesThatConnection_AndServesTheNext()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        await using (var bad = await harness.ConnectAsync())
        {
            await bad.NegotiateAsync();
            byte[] huge = new byte[5];
            BinaryPrimitives.WriteUInt32BigEndian(huge, 0x10000000);
            huge[4] = (byte)'L';
            await bad.SendRawAsync(huge);

            Assert.True(await bad.IsClosedByFilterAsync());
        }

        var result = await harness.SendAsync(Message, TestEnvelope.Inbound);

        Assert.Contains("dkim=none", result.AuthenticationResults, StringComparison.Ordinal);
        Assert.Contains("exceeds the limit", Assert.Single(harness.Log.WithEvent(1004)).Fields["Failure"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 1, (byte)'Z' })]
    [InlineData(new byte[] { 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 3, (byte)'O', 0, 0 })]
    public async Task MalformedPacket_ClosesConnection(byte[] packet)
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        await using var client = await harness.ConnectAsync();

        await client.SendRawAsync(packet);

        Assert.True(await client.IsClosedByFilterAsync());
        Assert.Single(harness.Log.WithEvent(1004));
    }

    [Fact]
    public async Task CommandOutOfOrder_ClosesConnection()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        await using var client = await harness.ConnectAsync();

        await client.SendAsync(MilterHeader.Create("From", " joe@example.com"));

        Assert.True(await client.IsClosedByFilterAsync());
        Assert.Equal("Negotiation", Assert.Single(harness.Log.WithEvent(1005)).Fields["State"]);
    }

    [Fact]
    public async Task Negotiation_MtaWithoutHeaderChanges_IsRefused()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        await using var client = await harness.ConnectAsync();

        await client.SendAsync(new MilterNegotiation(6, MilterActions.AddHeaders, TestMilterClient.AllSteps));

        Assert.True(await client.IsClosedByFilterAsync());
        Assert.Single(harness.Log.WithEvent(1006));
    }

    [Fact]
    public async Task Negotiation_AsksOnlyForWhatTheMtaOffers_AndSkipsUnneededSteps()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        await using var client = await harness.ConnectAsync();

        var agreed = await client.NegotiateAsync(steps: MilterProtocolSteps.NoHelo | MilterProtocolSteps.NoReplyBody | MilterProtocolSteps.NoBody);

        Assert.Equal(6u, agreed.Version);
        Assert.Equal(MilterActions.AddHeaders | MilterActions.ChangeHeaders, agreed.Actions);
        Assert.Equal(MilterProtocolSteps.NoHelo | MilterProtocolSteps.NoReplyBody, agreed.Steps);
    }

    [Fact]
    public async Task OldMta_Version2WithoutStepOptions_GetsAReplyToEveryStep()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        await using var client = await harness.ConnectAsync();
        Assert.Equal(2u, (await client.NegotiateAsync(version: 2, steps: MilterProtocolSteps.None)).Version);

        var result = await client.SendMessageAsync(Message, TestEnvelope.Authenticated);

        Assert.Single(result.Inserted("DKIM-Signature"));
    }

    [Fact]
    public async Task OneConnection_SeveralMessages_WithAnAbortBetween()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        await using var client = await harness.ConnectAsync();
        await client.NegotiateAsync();

        var first = await client.SendMessageAsync(Message, TestEnvelope.Inbound);
        await client.BeginMessageAsync(TestEnvelope.Inbound);
        await client.SendHeaderAsync(Message, TestEnvelope.Inbound);
        await client.SendAsync(new MilterSignal(MilterCommandCode.Abort));
        var third = await client.SendMessageAsync(Message, TestEnvelope.Authenticated with { ClientAddress = "127.0.0.1" }, connect: false);

        Assert.Single(first.Inserted("Authentication-Results"));
        Assert.Single(third.Inserted("DKIM-Signature"));
    }

    [Fact]
    public async Task QuitNewConnection_ServesTheNextSmtpClientOnTheSameSocket()
    {
        await using var harness = await DkimMilterHarness.StartAsync();
        await using var client = await harness.ConnectAsync();
        await client.NegotiateAsync();

        await client.SendMessageAsync(Message, TestEnvelope.Authenticated);
        await client.SendAsync(new MilterSignal(MilterCommandCode.QuitNewConnection));
        var second = await client.SendMessageAsync(Message, TestEnvelope.Inbound);

        Assert.Single(second.Inserted("Authentication-Results"));
        Assert.Empty(second.Inserted("DKIM-Signature"));
    }

    [Fact]
    public async Task ManyConnectionsAtOnce_AreServedIndependently()
    {
        await using var harness = await DkimMilterHarness.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            harness.SendAsync(Message, i % 2 == 0 ? TestEnvelope.Authenticated : TestEnvelope.Inbound, chunkSize: 16)));

        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Single(r.Inserted("DKIM-Signature")));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Single(r.Inserted("Authentication-Results")));
    }

    [Fact]
    public async Task Stop_FinishesTheMessageInProgress_ThenClosesAndRefusesNewConnections()
    {
        var harness = await DkimMilterHarness.StartAsync();
        await using var client = await harness.ConnectAsync();
        // An answered end of headers tells the test the server has the message open.
        await client.NegotiateAsync(steps: TestMilterClient.AllSteps & ~MilterProtocolSteps.NoReplyEndOfHeaders);
        await client.ConnectClientAsync(TestEnvelope.Authenticated);
        await client.BeginMessageAsync(TestEnvelope.Authenticated);
        await client.SendHeaderAsync(Message, TestEnvelope.Authenticated);
        var endpoint = harness.EndPoint;

        var stopping = harness.Server.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        await Eventually.Until(async () => !await AcceptsAsync(endpoint), "the server stops accepting connections");
        Assert.False(stopping.IsCompleted);
        var result = await client.SendBodyAsync(Message, TestEnvelope.Authenticated);

        Assert.Single(result.Inserted("DKIM-Signature"));
        Assert.True(await client.IsClosedByFilterAsync());
        await stopping;
        await Assert.ThrowsAnyAsync<SocketException>(() => TestMilterClient.ConnectAsync(endpoint));
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task IdleConnection_IsClosedAfterTheIdleTimeout()
    {
        await using var harness = await DkimMilterHarness.StartAsync(DkimMilterHarness.DefaultOptions with { IdleTimeout = TimeSpan.FromMilliseconds(300) });
        await using var client = await harness.ConnectAsync();
        await client.NegotiateAsync();

        Assert.True(await client.IsClosedByFilterAsync());
        Assert.Single(harness.Log.WithEvent(1007));
    }

    [Fact]
    public async Task UnixSocket_IsRemovedWhenTheServerStops()
    {
        var harness = await DkimMilterHarness.StartAsync(unixSocket: true);
        string path = harness.EndPoint.ToString()!;
        Assert.True(File.Exists(path));

        await harness.Server.StopAsync(CancellationToken.None);

        Assert.False(File.Exists(path));
        await harness.DisposeAsync();
    }

    private static async Task<bool> AcceptsAsync(System.Net.EndPoint endpoint)
    {
        using var probe = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await probe.ConnectAsync(endpoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
