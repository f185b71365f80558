using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Signet.Admin.Authentication;
using Signet.Admin.Console.Rendering;
using Signet.Store.Access;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Security;

/// <summary>What every console request goes through, in order: security headers, the session cookie read, the
/// anti-forgery check on every POST, then the access the page needs (anyone, signed in, or server admin).</summary>
public static class ConsoleRequest
{
    private const string ActorKey = "signet:actor";

    /// <summary>No inline script or style anywhere, no framing, nothing from other origins (no CDN, no web font).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static Actor? Actor(HttpContext context) => context.Items[ActorKey] as Actor;

    public static Actor RequireActor(HttpContext context) => Actor(context) ?? throw new InvalidOperationException("the page needs a signed-in actor");

    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext factory, EndpointFilterDelegate next, ConsoleAccess access) =>
        async invocation =>
        {
            var context = invocation.HttpContext;
            AddSecurityHeaders(context.Response);
            var authenticated = await context.AuthenticateAsync(ConsoleAuthentication.Scheme).ConfigureAwait(false);
            if (authenticated.Succeeded)
            {
                context.User = authenticated.Principal;
                context.Items[ActorKey] = ActorClaims.ToActor(authenticated.Principal);
            }

            if (HttpMethods.IsPost(context.Request.Method) && !await IsFormValidAsync(context).ConfigureAwait(false))
            {
                return Page.Render(context, "The form could not be accepted",
                    Of($"<p>This form did not come from this console page, or it has expired. Go back, reload the page and try again.</p>"),
                    Actor(context), null, StatusCodes.Status400BadRequest);
            }

            var actor = Actor(context);
            if (access != ConsoleAccess.Anyone && actor is null)
            {
                string back = context.Request.Path + context.Request.QueryString;
                return Results.Redirect(ConsoleRoutes.SignIn + "?returnUrl=" + Uri.EscapeDataString(back));
            }

            if (access == ConsoleAccess.ServerAdmin && actor!.Role != UserRole.ServerAdmin)
            {
                return Page.Forbidden(context, actor, "This page is for server admins");
            }

            return await next(invocation).ConfigureAwait(false);
        };

    /// <summary>The anti-forgery check; a form that cannot even be read (a NUL byte, a broken encoding) is refused
    /// like a forged one, with 400, instead of failing the request with 500.</summary>
    private static async Task<bool> IsFormValidAsync(HttpContext context)
    {
        try
        {
            return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    public static void AddSecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Exactly what antiforgery sets on a page with a form: any other value makes it log a warning on every page
        // view that overrides it (event 8), which buried the log a person reads. no-store is what matters here.
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }
}
