using System.Net;
using System.Net.Sockets;
using System.Text;
using Signet.Testing;

namespace Signet.Tests.Commands.Remote;

/// <summary>--server-url and --token-file refuse what would leak the token or act on the wrong thing, each with a
/// sentence saying what to do, before any connection is made.</summary>
public sealed class RemoteCliOptionTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    [Theory]
    [InlineData("http://mail.example.net:8080", "plain http to another machine")]
    [InlineData("http://192.0.2.10", "plain http to another machine")]
    [InlineData("http://[2001:db8::1]:8080", "plain http to another machine")]
    [InlineData("ftp://127.0.0.1", "expected the console's address")]
    [InlineData("127.0.0.1:8080", "expected the console's address")]
    [InlineData("not a url", "expected the console's address")]
    [InlineData("", "expected the console's address")]
    [InlineData("http://ops:secret@127.0.0.1:8080", "only scheme, host, port and path")]
    [InlineData("http://127.0.0.1:8080/?token=x", "only scheme, host, port and path")]
    [InlineData("http://127.0.0.1:8080/\u001b[2J", "expected the console's address")]
    public async Task UnusableOrUnsafeUrl_ExitsTwoWithoutConnecting(string url, string reason)
    {
        var run = await CliRun.Run("domain", "list", "--server-url", url, "--token-file", await TokenFileAsync());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Error);
    }

    [Fact]
    public async Task WorldReadableTokenFile_IsRefused_SayingHowToFixIt()
    {
        string path = await TokenFileAsync();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var run = await CliRun.Run("domain", "list", "--server-url", "http://127.0.0.1:9", "--token-file", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("every user of this machine can read it", run.Error, StringComparison.Ordinal);
        Assert.Contains("chmod 600", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a token\n", "is not an API token")]
    [InlineData("", "is not an API token")]
    [InlineData("sgt_\n", "is not an API token")]
    [InlineData("sgt_abc\u001b]0;x\u0007\n", "is not an API token")]
    [InlineData("sgt_abc def\n", "is not an API token")]
    public async Task TokenFileWithoutAToken_IsRefused(string content, string reason)
    {
        var run = await CliRun.Run("domain", "list", "--server-url", "http://127.0.0.1:9", "--token-file", await TokenFileAsync(content));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeOrMissingTokenFile_IsRefused()
    {
        var huge = await CliRun.Run("domain", "list", "--server-url", "http://127.0.0.1:9", "--token-file", await TokenFileAsync(new string('a', 100_000)));
        var missing = await CliRun.Run("domain", "list", "--server-url", "http://127.0.0.1:9", "--token-file", _temp.File("absent"));
        Assert.Equal((2, 2), (huge.ExitCode, missing.ExitCode));
        Assert.Contains("not a token file", huge.Error, StringComparison.Ordinal);
        Assert.Contains("cannot read it", missing.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--server-url", "http://127.0.0.1:9", "needs --token-file")]
    [InlineData("--token-file", "x", "needs --server-url")]
    public async Task HalfTheRemoteOptions_IsAUsageError(string option, string value, string reason)
    {
        string given = option == "--token-file" ? await TokenFileAsync() : value;
        var run = await CliRun.Run("domain", "list", option, given);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoteAndLocalStoreTogether_IsAUsageError()
    {
        var run = await CliRun.Run("domain", "list", "--server-url", "http://127.0.0.1:9", "--token-file", await TokenFileAsync(), "--data", _temp.File("data"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not both", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingListening_ExitsOneSayingItCannotReachTheServer()
    {
        int port = LoopbackPorts.FindFreeTcpAndUdpPort();
        var run = await CliRun.Run("domain", "list", "--server-url", $"http://127.0.0.1:{port}", "--token-file", await TokenFileAsync());
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"cannot reach http://127.0.0.1:{port}/", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsecureHttp_ToLoopback_IsAllowed_AndAnythingButTheApiIsReportedAsSuch()
    {
        // A server that is not Signet: it answers every request with a page that is not JSON.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var answering = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            byte[] buffer = new byte[8192];
            int read = await stream.ReadAsync(buffer);
            Assert.True(read > 0);
            byte[] body = Encoding.ASCII.GetBytes("<html>hello</html>");
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
            await stream.WriteAsync(body);
        });

        var run = await CliRun.Run("domain", "list", "--server-url", $"http://localhost:{port}", "--token-file", await TokenFileAsync(), "--insecure");
        await answering;

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not Signet's API", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> TokenFileAsync(string content = "sgt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n")
    {
        string path = _temp.File("token-" + System.Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
