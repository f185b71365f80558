using System.Net;
using System.Text.RegularExpressions;

namespace Signet.Console.Tests.Support;

/// <summary>A plain HTTP client with its own cookies, for page tests that need no browser: it reads the anti-forgery
/// token from the page it posts from, as a browser would.</summary>
public sealed partial class HttpSession : IDisposable
{
    private readonly HttpClient _client;

    public HttpSession(ConsoleHost host)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    /// <summary>Opens <paramref name="formPage"/>, takes its anti-forgery token and posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, params (string Name, string Value)[] fields)
    {
        string html = await (await _client.GetAsync(formPage)).Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        Assert.True(token.Success, "no anti-forgery token on " + formPage);
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__signet_form", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await _client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public Task<HttpResponseMessage> SignInAsync(string name, string password = ConsoleUser.Password) =>
        PostFormAsync("/signin", "/signin", ("name", name), ("password", password));

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__signet_form\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
