using System.Net;
using Signet.Store.Security;
using Signet.Store;
using Signet.Testing;

namespace Signet.Reliability.Tests.Security;

/// <summary>The console's session and forms: anti-forgery on every POST, cookie flags, a new session at every
/// sign-in, throttled password guessing, and files created with modes only the service account can read.</summary>
[Trait("Tier", "Integration")]
public sealed class ConsoleSecurityTests
{
    [Fact]
    public async Task EveryConsolePost_WithoutTheAntiforgeryToken_IsRefusedWith400()
    {
        await using var world = await SecurityWorld.StartAsync();
        var posts = EndpointTableTests.Enumerate(world.Services).Where(e => e.Method == "POST" && !e.Pattern.StartsWith("/api", StringComparison.Ordinal)).ToList();
        using var session = new ConsoleSession(world.Address);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("sam", SecurityWorld.Password)).StatusCode);
        var accepted = new List<string>();

        foreach (var (_, pattern) in posts)
        {
            using var response = await session.Client.PostAsync(new Uri(world.Fill(pattern), UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["selector"] = "x1", ["name"] = "sam", ["password"] = SecurityWorld.Password }));
            if (response.StatusCode != HttpStatusCode.BadRequest || !(await response.Content.ReadAsStringAsync()).Contains("could not be accepted", StringComparison.Ordinal))
            {
                accepted.Add($"{pattern}: {(int)response.StatusCode}");
            }
        }

        Assert.True(posts.Count >= 10, $"only {posts.Count} console POST endpoints");
        Assert.True(accepted.Count == 0, "accepted without an anti-forgery token: " + string.Join(", ", accepted));
    }

    [Fact]
    public async Task SignIn_SetsAStrictHttpOnlySessionCookie_AndEachSignInGetsANewSession()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = new ConsoleSession(world.Address);

        using var first = await session.SignInAsync("dana", SecurityWorld.Password);
        string firstSession = session.SessionCookie!;
        using var second = await session.SignInAsync("dana", SecurityWorld.Password);

        string setCookie = string.Join("\n", second.Headers.GetValues("Set-Cookie"));
        Assert.Matches("(?im)^signet-session=[^;]+;.*path=/;.*samesite=strict;.*httponly", setCookie);
        Assert.NotNull(session.SessionCookie);
        Assert.NotEqual(firstSession, session.SessionCookie);
        var antiforgery = session.Cookies.GetAllCookies().Single(c => c.Name == "signet-antiforgery");
        Assert.True(antiforgery.HttpOnly);
    }

    [Fact]
    public async Task SignIn_FixedSessionPlantedBeforeSignIn_IsReplaced()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var attacker = new ConsoleSession(world.Address);
        await attacker.SignInAsync("olga", SecurityWorld.Password);
        using var victim = new ConsoleSession(world.Address);
        victim.Cookies.Add(world.Address, new Cookie("signet-session", attacker.SessionCookie!));

        await victim.SignInAsync("dana", SecurityWorld.Password);

        Assert.NotEqual(attacker.SessionCookie, victim.SessionCookie);
        // The planted session is ended by the victim's sign-in: the attacker is neither dana nor even olga any more.
        using var attackerView = await attacker.Client.GetAsync(new Uri("/domains/mine.example/dkim", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, attackerView.StatusCode);
        Assert.StartsWith("/signin", attackerView.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_TheRightOneIsThenRefusedWith429()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = new ConsoleSession(world.Address);
        for (int i = 0; i < SignInThrottle.MaximumFailuresPerUser; i++)
        {
            using var wrong = await session.SignInAsync("dana", "not the password " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await session.SignInAsync("dana", SecurityWorld.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Null(session.SessionCookie);
    }

    [Fact]
    public async Task Store_NewDataDirectory_Is0700AndTheMasterKeyAndKeyFiles0600()
    {
        using var temporary = new TemporaryDirectory();
        string data = Path.Combine(temporary.Path, "data");
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = data }, CancellationToken.None);
        await opened.Value!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string keyFile = temporary.File("s1.pem");
        var keygen = await Signet.Testing.Serve.ServeProcess.RunToEndAsync(["keygen", "--algorithm", "ed25519", "--out", keyFile]);
        Assert.True(keygen.ExitCode == 0, keygen.Error);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, StoreOptions.MasterKeyFileName)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    [Fact]
    public async Task Errors_UnknownPathsAndBadInput_ShowNoStackTraceOrExceptionText()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = new ConsoleSession(world.Address);
        await session.SignInAsync("sam", SecurityWorld.Password);
        string[] probes =
        [
            "/domains/%00/dkim", "/domains/" + new string('a', 300) + "/dkim", "/domains/mine.example/dkim?tab=%3Cscript%3Ealert(1)%3C/script%3E",
            "/signin?returnUrl=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", "/assets/", "/api/domains/%00", "/api/keys/not-a-guid",
        ];

        foreach (string probe in probes)
        {
            using var response = await session.Client.GetAsync(new Uri(probe, UriKind.Relative));
            string body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{probe}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(1)", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Index of", body, StringComparison.Ordinal);
        }
    }
}
