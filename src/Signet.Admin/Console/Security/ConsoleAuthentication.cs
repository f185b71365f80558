using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Signet.Admin.Authentication;
using Signet.Store;
using Signet.Store.Access;

namespace Signet.Admin.Console.Security;

/// <summary>The console's cookie session: its scheme, its cookie's settings (with the reasons), sign-in and sign-out.</summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "SignetConsole";
    public const string CookieName = "signet-session";
    public const string SessionClaim = "signet:session";

    /// <summary>Sessions end after this long without a request; a console left open is not a key left in the door.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        // Script never needs the session; a cross-site request never carries it; HTTPS keeps it off the wire.
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = IdleTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = ConsoleRoutes.SignIn;
        options.Events.OnValidatePrincipal = RefreshAsync;
    }

    /// <summary>Signs in with a fresh session: any cookie the browser brought is dropped first and the new ticket
    /// carries a new random session id, so a session planted before sign-in is worth nothing (no fixation).</summary>
    public static async Task SignInAsync(HttpContext context, Actor actor)
    {
        await context.SignOutAsync(Scheme).ConfigureAwait(false);
        var principal = ActorClaims.ToPrincipal(actor, Scheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
        await context.SignInAsync(Scheme, principal, new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    // Each request re-reads the user, so a removed user is out at once and a change of domains applies at once.
    private static async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        var actor = ActorClaims.ToActor(context.Principal);
        var store = context.HttpContext.RequestServices.GetRequiredService<ISignetStore>();
        var users = actor is null ? default : await store.ListUsersAsync(actor, context.HttpContext.RequestAborted).ConfigureAwait(false);
        var user = users.Value?.FirstOrDefault(u => u.Id == actor!.UserId);
        if (actor is null || user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme).ConfigureAwait(false);
            return;
        }

        var current = new Actor(user.Id, user.Name, user.Role, user.Domains.ToHashSet(StringComparer.OrdinalIgnoreCase));
        if (current.Role != actor.Role || !current.Domains.SetEquals(actor.Domains))
        {
            var principal = ActorClaims.ToPrincipal(current, Scheme);
            if (context.Principal!.FindFirst(SessionClaim) is { } session)
            {
                ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, session.Value));
            }

            context.ReplacePrincipal(principal);
            context.ShouldRenew = true;
        }
    }
}
