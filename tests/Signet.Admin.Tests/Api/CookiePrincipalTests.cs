using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Signet.Admin.Authentication;
using Signet.Admin.Tests.Support;
using Signet.Store;

namespace Signet.Admin.Tests.Api;

/// <summary>The API also acts for a principal another scheme signed in, as the console's cookie does.</summary>
public sealed class CookiePrincipalTests
{
    private const string Scheme = "console-test";

    [Fact]
    public async Task CookieSignedInDomainAdmin_ActsWithTheirScope()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        await using var host = await ApiHost.StartAsync(world.Store,
            services => services.AddAuthentication(Scheme).AddCookie(Scheme),
            app => app.MapPost("/test-sign-in", async (HttpContext http, ISignetStore store) =>
            {
                var actor = (await store.AuthenticatePasswordAsync("dana", ApiWorld.Password, http.RequestAborted)).Value!;
                await http.SignInAsync(Scheme, ActorClaims.ToPrincipal(actor, Scheme));
            }));
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = host.Address };

        using var before = await client.GetAsync(new Uri("/api/domains", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        using var signIn = await client.PostAsync(new Uri("/test-sign-in", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.StartsWith("""[{"name":"mine.example","signingEnabled":true,"subdomains":"useParentKeys","createdAt":""",
            await client.GetStringAsync(new Uri("/api/domains", UriKind.Relative)), StringComparison.Ordinal);
        using var theirs = await client.GetAsync(new Uri("/api/domains/theirs.example", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }
}
