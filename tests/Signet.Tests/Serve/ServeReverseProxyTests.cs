using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary><c>signet serve --trusted-proxy 127.0.0.2</c>: a request through that proxy is seen as the client and scheme
/// the proxy names (the sign-in throttle counts the forwarded address, https makes cookies Secure and brings HSTS);
/// the same headers from any other address change nothing.</summary>
[Trait("Tier", "Integration")]
public sealed partial class ServeReverseProxyTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Direct = IPAddress.Loopback;

    [Fact]
    public async Task DirectClient_SendingForwardedHeaders_KeepsItsOwnThrottledAddress()
    {
        using var data = new TemporaryDirectory();
        await using var serve = await StartAsync(data);
        using var client = new ConsoleClient(serve, Direct);
        for (int i = 0; i < Signet.Store.Security.SignInThrottle.MaximumFailuresPerAddress; i++)
        {
            var failed = await client.SignInAsync($"guess{i}", forwardedFor: $"127.0.0.{100 + i}");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var throttled = await client.SignInAsync("guess-last", forwardedFor: "127.0.0.250");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    [Fact]
    public async Task DirectClient_ClaimingHttps_GetsNoSecureCookieAndNoHsts()
    {
        using var data = new TemporaryDirectory();
        await using var serve = await StartAsync(data);
        using var client = new ConsoleClient(serve, Direct);
        using var page = await client.GetAsync("/signin", forwardedFor: "127.0.0.9", forwardedProto: "https");

        Assert.False(page.Headers.Contains("Strict-Transport-Security"), "HSTS on a plain http request");
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TrustedProxy_SayingHttps_GetsSecureCookiesAndHsts()
    {
        using var data = new TemporaryDirectory();
        await using var serve = await StartAsync(data);
        using var client = new ConsoleClient(serve, Proxy);
        using var page = await client.GetAsync("/signin", forwardedFor: "127.0.0.9", forwardedProto: "https");

        Assert.Equal("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TrustedProxy_ForwardedFor_IsTheAddressTheThrottleCounts()
    {
        using var data = new TemporaryDirectory();
        await using var serve = await StartAsync(data);
        using var client = new ConsoleClient(serve, Proxy);
        for (int i = 0; i < Signet.Store.Security.SignInThrottle.MaximumFailuresPerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync($"guess{i}", forwardedFor: "127.0.0.50")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SignInAsync("guess-last", forwardedFor: "127.0.0.50")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync("guess-other", forwardedFor: "127.0.0.51")).StatusCode);
    }

    [Fact]
    public async Task TrustedProxy_NotAnAddress_FailsStartWithExitTwo()
    {
        using var data = new TemporaryDirectory();
        var (code, _, error) = await ServeProcess.RunToEndAsync(["serve", "--data", data.Path, "--trusted-proxy", "proxy.example"]);
        Assert.Equal(2, code);
        Assert.Contains("TrustedProxies", error, StringComparison.Ordinal);
    }

    private static async Task<ServeProcess> StartAsync(TemporaryDirectory data)
    {
        // An administrator exists, so the console shows its sign-in page rather than the first-run set-up.
        var store = (await SignetStore.OpenAsync(new StoreOptions { DataDirectory = data.Path }, CancellationToken.None)).Value!;
        await using (store)
        {
            Assert.True((await store.AddUserAsync(Actor.LocalAdministrator, "sam", UserRole.ServerAdmin, "a long enough password", [], CancellationToken.None)).Succeeded);
        }

        SqliteConnection.ClearAllPools();
        return await ServeProcess.StartAsync(data.Path, ["--trusted-proxy", Proxy.ToString()]);
    }

    /// <summary>HTTP from a chosen loopback source address, cookies kept by hand (a Secure cookie is still sent back
    /// over the test's plain http, as the proxy would).</summary>
    private sealed partial class ConsoleClient : IDisposable
    {
        private readonly HttpClient _client;
        private readonly Dictionary<string, string> _cookies = [];

        public ConsoleClient(ServeProcess serve, IPAddress source)
        {
            var handler = new SocketsHttpHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            _client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{serve.HttpPort}") };
        }

        public async Task<HttpResponseMessage> GetAsync(string path, string forwardedFor, string? forwardedProto = null)
        {
            using var request = Request(HttpMethod.Get, path, forwardedFor, forwardedProto);
            return Keep(await _client.SendAsync(request));
        }

        public async Task<HttpResponseMessage> SignInAsync(string name, string forwardedFor)
        {
            using var page = await GetAsync("/signin", forwardedFor);
            var token = TokenField().Match(await page.Content.ReadAsStringAsync());
            Assert.True(token.Success, "no anti-forgery token on /signin");
            using var request = Request(HttpMethod.Post, "/signin", forwardedFor, null);
            request.Content = new FormUrlEncodedContent(
            [
                new("name", name), new("password", "not the password"), new("__signet_form", WebUtility.HtmlDecode(token.Groups[1].Value)),
            ]);
            return Keep(await _client.SendAsync(request));
        }

        public void Dispose() => _client.Dispose();

        private HttpRequestMessage Request(HttpMethod method, string path, string forwardedFor, string? forwardedProto)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            if (forwardedProto is not null)
            {
                request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            }

            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
            }

            return request;
        }

        private HttpResponseMessage Keep(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (string cookie in cookies)
                {
                    string pair = cookie.Split(';')[0];
                    int equals = pair.IndexOf('=', StringComparison.Ordinal);
                    _cookies[pair[..equals]] = pair[(equals + 1)..];
                }
            }

            return response;
        }

        [GeneratedRegex("name=\"__signet_form\" value=\"([^\"]+)\"")]
        private static partial Regex TokenField();
    }
}
