using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Signet.Relay.Tests.Support;
using Signet.Testing;
using Xunit.Abstractions;

namespace Signet.Relay.Tests;

[CollectionDefinition(nameof(RelayLoadTests), DisableParallelization = true)]
public sealed class RelayLoadTestGroup;

/// <summary>Volume: a 50 MB message with bounded memory, and many messages over parallel connections. These run alone,
/// so the memory measured is the relay's.</summary>
[Collection(nameof(RelayLoadTests))]
[Trait("Tier", "Integration")]
public sealed partial class RelayLoadTests(ITestOutputHelper output)
{
    private const string SmtpSink = "/usr/sbin/smtp-sink";
    private const long MessageSize = 50L * 1024 * 1024;
    private const long MemoryBound = 100L * 1024 * 1024;

    [Fact]
    public async Task FiftyMegabyteMessage_GoesThroughWithBoundedMemory()
    {
        ExternalProgram.Require(SmtpSink, "postfix");
        int port = LoopbackPorts.FindFreeTcpAndUdpPort();
        // Postfix's smtp-sink (which drops root for -u) takes the message and drops it, outside this process: only the relay's memory is measured.
        using var sink = Process.Start(new ProcessStartInfo(SmtpSink, ["-u", "nobody", $"127.0.0.1:{port}", "32"]) { RedirectStandardOutput = true })!;
        try
        {
            await WaitForListenerAsync(port);
            await using var relay = await RelayHarness.StartAsync(options => options with { MaximumMessageSize = 64L * 1024 * 1024 },
                nextHop: new IPEndPoint(IPAddress.Loopback, port));
            await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var process = Process.GetCurrentProcess();
            long baselineRss = process.WorkingSet64;
            long baselineHeap = GC.GetTotalMemory(forceFullCollection: true);
            long peakRss = baselineRss, peakHeap = baselineHeap;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    peakRss = Math.Max(peakRss, process.WorkingSet64);
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                    await Task.Delay(20);
                }
            });
            var clock = Stopwatch.StartNew();

            var replies = await client.SendAsync("joe@football.example.com", ["suzie@shopping.example.net"],
                new GeneratedMessage(MessageSize), $" SIZE={MessageSize}");

            clock.Stop();
            await sampling.CancelAsync();
            await sampler;
            output.WriteLine($"50 MB in {clock.Elapsed.TotalSeconds:0.0} s; RSS growth {(peakRss - baselineRss) / 1048576.0:0.0} MB, managed heap growth {(peakHeap - baselineHeap) / 1048576.0:0.0} MB");
            Assert.StartsWith("250", replies[^1], StringComparison.Ordinal);
            Assert.True(peakRss - baselineRss < MemoryBound, $"RSS grew by {(peakRss - baselineRss) / 1048576} MB");
            Assert.True(peakHeap - baselineHeap < MemoryBound, $"the managed heap grew by {(peakHeap - baselineHeap) / 1048576} MB");
        }
        finally
        {
            sink.Kill();
            await sink.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task FiveHundredMessagesOverTenConnections_AllArriveExactlyOnce()
    {
        const int Connections = 10;
        const int PerConnection = 50;
        await using var relay = await RelayHarness.StartAsync();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Connections).Select(connection => Task.Run(async () =>
        {
            await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);
            for (int i = 0; i < PerConnection; i++)
            {
                string id = string.Create(CultureInfo.InvariantCulture, $"<{connection}.{i}@load.signet.test>");
                byte[] message = Encoding.ASCII.GetBytes(TestMessages.Simple.Replace("<20030712040037.46341.5F8J@football.example.com>", id, StringComparison.Ordinal));
                var replies = await client.SendAsync("joe@football.example.com", ["suzie@shopping.example.net"], message);
                Assert.StartsWith("250", replies[^1], StringComparison.Ordinal);
            }
        })));

        var delivered = await relay.Sink!.WaitForAsync(Connections * PerConnection, TimeSpan.FromSeconds(30));
        clock.Stop();
        output.WriteLine($"{delivered.Count} messages over {Connections} connections in {clock.Elapsed.TotalSeconds:0.0} s");
        var ids = delivered.Select(m => MessageId().Match(m.Text).Groups[1].Value).ToList();
        Assert.Equal(Connections * PerConnection, ids.Count);
        Assert.Equal(Connections * PerConnection, ids.Distinct().Count());
        Assert.All(delivered, m => Assert.StartsWith("DKIM-Signature:", m.Text, StringComparison.Ordinal));
    }

    private static Task WaitForListenerAsync(int port) => Eventually.Until(async () =>
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }, $"smtp-sink listens on port {port}");

    [GeneratedRegex(@"Message-ID: (<[^>]+>)")]
    private static partial Regex MessageId();

    /// <summary>A message of the given size made on the fly: a header, then 76-character lines.</summary>
    private sealed class GeneratedMessage(long size) : Stream
    {
        private static readonly byte[] Header = Encoding.ASCII.GetBytes(TestMessages.Simple.Split("\r\n\r\n")[0] + "\r\n\r\n");
        private static readonly byte[] Line = Encoding.ASCII.GetBytes(new string('m', 74) + "\r\n");
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => size;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int written = 0;
            while (written < count && _position < size)
            {
                byte b = _position < Header.Length ? Header[_position] : Line[(_position - Header.Length) % Line.Length];
                buffer[offset + written++] = b;
                _position++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
