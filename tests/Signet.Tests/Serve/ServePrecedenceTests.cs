using System.Net;
using System.Net.Sockets;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>One setting (<c>Milter:Listen</c>) given by the configuration file, the environment
/// (<c>SIGNET_MILTER__LISTEN</c>) and the command line (<c>--milter</c>), through real <c>signet serve</c> starts:
/// the file is below the environment, which is below the command line. Each source names a port the test holds, so
/// the start fails on the one it chose and its one line says which.</summary>
[Trait("Tier", "Integration")]
public sealed class ServePrecedenceTests
{
    [Theory]
    [InlineData(false, false, "file")]
    [InlineData(true, false, "environment")]
    [InlineData(true, true, "command line")]
    [InlineData(false, true, "command line")]
    public async Task Serve_MilterListen_FileIsBelowEnvironmentIsBelowCommandLine(bool environment, bool commandLine, string winner)
    {
        using var listeners = new HeldPorts(3);
        var ports = new Dictionary<string, int> { ["file"] = listeners.Ports[0], ["environment"] = listeners.Ports[1], ["command line"] = listeners.Ports[2] };
        using var data = new TemporaryDirectory();
        string config = data.File("signet.conf");
        await File.WriteAllTextAsync(config, $"Data = {data.File("store")}\nHostName = mx.signet.test\n\n[Milter]\nListen = 127.0.0.1:{ports["file"]}\n");
        var arguments = new List<string> { "serve", "--config", config, "--urls", $"http://127.0.0.1:{LoopbackPorts.FindFreeTcpAndUdpPort()}" };
        if (commandLine)
        {
            arguments.AddRange(["--milter", $"127.0.0.1:{ports["command line"]}"]);
        }

        var variables = environment ? new Dictionary<string, string> { ["SIGNET_MILTER__LISTEN"] = $"127.0.0.1:{ports["environment"]}" } : null;

        var (code, _, error) = await ServeProcess.RunToEndAsync(arguments, variables);

        Assert.Equal(1, code);
        Assert.Contains($"milter on 127.0.0.1:{ports[winner]}:", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    /// <summary>Loopback ports held open for the test, so a start that chooses one fails on it.</summary>
    private sealed class HeldPorts : IDisposable
    {
        private readonly List<TcpListener> _listeners = [];

        public HeldPorts(int count)
        {
            for (int i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                _listeners.Add(listener);
            }
        }

        public IReadOnlyList<int> Ports => [.. _listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];

        public void Dispose()
        {
            foreach (var listener in _listeners)
            {
                listener.Dispose();
            }
        }
    }
}
