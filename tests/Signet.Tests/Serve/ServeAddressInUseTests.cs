using System.Net;
using System.Net.Sockets;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>A port already taken stops a real <c>signet serve</c> with one line naming the address and port.</summary>
[Trait("Tier", "Integration")]
public sealed class ServeAddressInUseTests
{
    [Theory]
    [InlineData("milter")]
    [InlineData("console")]
    public async Task Serve_PortTaken_FailsWithOneLineNamingAddressAndPort(string which)
    {
        using var data = new TemporaryDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        int free = LoopbackPorts.FindFreeTcpAndUdpPort();
        string[] listen = which == "milter"
            ? ["--milter", $"127.0.0.1:{port}", "--urls", $"http://127.0.0.1:{free}"]
            : ["--milter", $"127.0.0.1:{free}", "--urls", $"http://127.0.0.1:{port}"];

        var (code, output, error) = await ServeProcess.RunToEndAsync(["serve", "--data", data.Path, "--hostname", "mail.example.net", .. listen]);

        Assert.True(code == 1, $"exit {code}\nstdout:\n{output}\nstderr:\n{error}");
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("signet serve: cannot listen: ", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.OrdinalIgnoreCase);
    }
}
