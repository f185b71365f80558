using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Signet.Admin.Authentication;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Admin.Console.Security;

/// <summary>The console's cookie session: its scheme, its cookie's settings (with the reasons), sign-in and sign-out.
/// The cookie carries a random session id; the session itself lives in the store, which every request asks, so
/// signing out, a password change or a user's removal ends it on every node and after a restart, and a copied cookie
/// stops working with it.</summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "SignetConsole";
    public const string CookieName = "signet-session";
    public const string SessionClaim = "signet:session";

    /// <summary>Sessions end after this long without a request; a console left open is not a key left in the door.</summary>
    public static readonly TimeSpan IdleTimeout = SessionLifetime.Default.IdleTimeout;

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

    /// <summary>Signs in with a fresh session: any session the browser brought is ended and dropped first, and the new
    /// one has a new random id, so a session planted before sign-in is worth nothing (no fixation). Null when done,
    /// or the store's error when the session could not be recorded (then nobody is signed in).</summary>
    public static async Task<StoreError?> SignInAsync(HttpContext context, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SignOutAsync(context).ConfigureAwait(false);
        var store = context.RequestServices.GetRequiredService<IUserStore>();
        var lifetime = context.RequestServices.GetService<SessionLifetime>() ?? SessionLifetime.Default;
        string sessionId = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var started = await store.StartSessionAsync(actor, sessionId, lifetime, context.RequestAborted).ConfigureAwait(false);
        if (!started.TryGetValue(out _, out var error))
        {
            return error;
        }

        var principal = ActorClaims.ToPrincipal(actor, Scheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, sessionId));
        await context.SignInAsync(Scheme, principal, new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
        return null;
    }

    /// <summary>Ends the session in the store (so the cookie is worthless even if copied) and drops the cookie.</summary>
    public static async Task SignOutAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SessionId(context) is { } sessionId)
        {
            var store = context.RequestServices.GetRequiredService<IUserStore>();
            await store.EndSessionAsync(sessionId, context.RequestAborted).ConfigureAwait(false);
        }

        await context.SignOutAsync(Scheme).ConfigureAwait(false);
    }

    /// <summary>The id of the session this request was made in, or null when not signed in.</summary>
    public static string? SessionId(HttpContext context) => context?.User.FindFirst(SessionClaim)?.Value;

    // Each request asks the store for the session and re-reads its user: a session ended elsewhere, a removed user or
    // a changed password is out at once, and a change of domains applies at once.
    private static async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        var actor = ActorClaims.ToActor(context.Principal);
        string? sessionId = context.Principal?.FindFirst(SessionClaim)?.Value;
        var store = context.HttpContext.RequestServices.GetRequiredService<IUserStore>();
        var resumed = actor is null || sessionId is null ? default : await store.ResumeSessionAsync(sessionId, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (!resumed.TryGetValue(out var current, out _) || current is null || current.UserId != actor!.UserId)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme).ConfigureAwait(false);
            return;
        }

        if (current.Role != actor.Role || current.Name != actor.Name || !current.Domains.SetEquals(actor.Domains))
        {
            var principal = ActorClaims.ToPrincipal(current, Scheme);
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, sessionId!));
            context.ReplacePrincipal(principal);
            context.ShouldRenew = true;
        }
    }
}
