using System.Net;
using Signet.Testing;

namespace Signet.Reliability.Tests.Security;

/// <summary>Signing out of the console ends the session on the server: a copy of the cookie taken before sign-out is
/// refused afterwards, and still refused after <c>signet serve</c> restarts.</summary>
[Trait("Tier", "Integration")]
public sealed class ConsoleSignOutTests
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task SignOut_CopiedCookie_IsRefusedAfterwardsAndAfterARestart()
    {
        using var data = new TemporaryDirectory();
        File.WriteAllText(data.File("alice.password"), Password + "\n");
        var added = await ServeProcess.RunToEndAsync(["user", "add", "--data", data.Path, "--name", "alice", "--role", "server-admin", "--password-file", data.File("alice.password")]);
        Assert.True(added.ExitCode == 0, added.Error);
        string copied;
        await using (var serve = await ServeProcess.StartAsync(data.Path, []))
        {
            using var browser = new ConsoleSession(serve.HealthUrl);
            using var signIn = await browser.SignInAsync("alice", Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            copied = browser.SessionCookie ?? throw new InvalidOperationException("no session cookie after signing in");
            Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(serve, copied));

            string form = await browser.FormTokenAsync("/server/users");
            using var signOut = await browser.Client.PostAsync(new Uri("/signout", UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string> { [ConsoleSession.FormField] = form }));
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

            Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(serve, copied));
        }

        await using var restarted = await ServeProcess.StartAsync(data.Path, []);
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(restarted, copied));
    }

    /// <summary>A request for a signed-in page with nothing but the given session cookie, as someone who copied it would send.</summary>
    private static async Task<HttpStatusCode> StatusWithCookieAsync(ServeProcess serve, string cookie)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = serve.HealthUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/server/users", UriKind.Relative));
        request.Headers.Add("Cookie", "signet-session=" + cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
