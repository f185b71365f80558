using System.Net;
using System.Text.RegularExpressions;

namespace Signet.Reliability.Tests.Security;

/// <summary>A browser-like client of the console: its own cookies, no redirects followed, and the anti-forgery
/// token of the last page with a form.</summary>
internal sealed partial class ConsoleSession : IDisposable
{
    public const string FormField = "__signet_form";

    private readonly HttpClientHandler _handler;

    public ConsoleSession(Uri address)
    {
        _handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        Client = new HttpClient(_handler) { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public CookieContainer Cookies => _handler.CookieContainer;

    public string? SessionCookie => Cookies.GetAllCookies().FirstOrDefault(c => c.Name == "signet-session")?.Value;

    /// <summary>The anti-forgery token of a form on <paramref name="path"/>, for this session.</summary>
    public async Task<string> FormTokenAsync(string path = "/signin")
    {
        string page = await Client.GetStringAsync(new Uri(path, UriKind.Relative));
        return FormToken().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"no form on {path}");
    }

    public async Task<HttpResponseMessage> SignInAsync(string name, string password)
    {
        string token = await FormTokenAsync();
        return await Client.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [FormField] = token,
            ["name"] = name,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));
    }

    /// <summary>A session signed in as <paramref name="name"/> with the tests' password (the sign-in must redirect).</summary>
    public static async Task<ConsoleSession> SignedInAsync(Uri address, string name)
    {
        var session = new ConsoleSession(address);
        using var signIn = await session.SignInAsync(name, SecurityWorld.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return session;
    }

    /// <summary>Posts a console form with this session's anti-forgery token (taken from the account page, which every
    /// signed-in user may open).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields[FormField] = await FormTokenAsync("/account");
        return await Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"" + FormField + "\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
