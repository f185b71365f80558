using System.Text.Json;
using System.Text.RegularExpressions;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>The log of a real <c>signet serve</c> is one a person can read: no warning per page view, plain lines by
/// default, JSON on request, and the one-time set-up link (a credential) on the terminal only.</summary>
[Trait("Tier", "Integration")]
public sealed partial class ServeLogTests
{
    private const int PageViews = 20;

    [Fact]
    public async Task Serve_JsonLog_HasNoWarningPerPageViewAndNeverTheSetUpLink()
    {
        using var data = new TemporaryDirectory();
        await using var serve = await ServeProcess.StartAsync(data.Path, ["--hostname", "mail.example.net", "--log-format", "json"]);
        string link = await WaitForSetUpLinkAsync(serve);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{serve.HttpPort}") };

        for (int view = 0; view < PageViews; view++)
        {
            using var response = await http.GetAsync(new Uri(view % 2 == 0 ? "/signin" : new Uri(link).PathAndQuery, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"page view {view}: {(int)response.StatusCode}");
        }

        Assert.Equal(0, await serve.StopAsync(TimeSpan.FromSeconds(30)));
        var logLines = serve.Output.Split('\n').Where(line => line.StartsWith('{')).ToList();
        Assert.NotEmpty(logLines);
        var warnings = logLines.Select(line => JsonDocument.Parse(line).RootElement)
            .Where(entry => entry.GetProperty("LogLevel").GetString() is "Warning" or "Error" or "Critical")
            .Select(entry => entry.GetProperty("Message").GetString())
            .ToList();
        Assert.True(warnings.Count == 1, "warnings: " + string.Join(" | ", warnings));
        Assert.Equal("No administrator yet: the one-time set-up link is printed on standard output", warnings[0]);
        string token = link[(link.LastIndexOf('/') + 1)..];
        Assert.All(logLines, line => Assert.DoesNotContain(token, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_DefaultLog_IsPlainLinesWithTheListeningAddresses()
    {
        using var data = new TemporaryDirectory();
        await using var serve = await ServeProcess.StartAsync(data.Path, ["--hostname", "mail.example.net"]);
        await WaitForSetUpLinkAsync(serve);

        Assert.Equal(0, await serve.StopAsync(TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain("{\"Timestamp\"", serve.Output, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^\S+ \S+ info: Signet\.Serve\[4000\] Signet serving: console and API on http://127\.0\.0\.1:{serve.HttpPort}, milter on 127\.0\.0\.1:{serve.MilterPort}", serve.Output);
    }

    [Fact]
    public async Task Serve_UnknownLogFormat_FailsStartWithExitTwo()
    {
        using var data = new TemporaryDirectory();

        var (code, _, error) = await ServeProcess.RunToEndAsync(["serve", "--data", data.Path, "--log-format", "xml"]);

        Assert.Equal(2, code);
        Assert.Contains("LogFormat: \"xml\" is not a log format (plain, json, systemd)", error, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForSetUpLinkAsync(ServeProcess serve)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (SetUpLink().Match(serve.Output) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("serve did not print the set-up link:\n" + serve.Output);
    }

    [GeneratedRegex(@"(?m)^no administrator yet: open (http://\S+)$")]
    private static partial Regex SetUpLink();
}
