using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Microsoft.Extensions.Logging;
using Signet.Admin.Api;
using Signet.Store;
using Signet.Store.Security;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.SignIn;

/// <summary>Sign-in with a user name and password (throttled per user and per address), and sign-out.</summary>
public static class SignInPages
{
    public static void Map(RouteGroupBuilder anyone)
    {
        anyone.MapGet(ConsoleRoutes.SignIn, Show);
        anyone.MapPost(ConsoleRoutes.SignIn, SignInAsync);
        anyone.MapPost(ConsoleRoutes.SignOut, (Delegate)SignOutAsync);
    }

    private static IResult Show(HttpContext context, string? returnUrl) => Form(context, returnUrl, null, null);

    private static async Task<IResult> SignInAsync(HttpContext context, IUserStore store, SignInThrottle throttle, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Signet.Console.SignIn");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string name = form["name"].ToString().Trim();
        string password = form["password"].ToString();
        string returnUrl = form["returnUrl"].ToString();
        string address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RetryAfter(name, address) is { } wait)
        {
            // The password is not checked while the delay runs, so guessing gains nothing by hammering.
            SignetApiLog.SignInRefused(logger, "console", name, address, "throttled");
            int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Form(context, returnUrl, name,
                $"Too many failed sign-in attempts for this user or from this address. Try again in {Describe(wait)}.",
                StatusCodes.Status429TooManyRequests);
        }

        var result = await store.AuthenticatePasswordAsync(name, password, address, context.RequestAborted);
        if (!result.TryGetValue(out var value, out var error))
        {
            return Form(context, returnUrl, name, "Signing in is not possible right now: " + error.Message, StatusCodes.Status503ServiceUnavailable);
        }

        if (value is not { } actor)
        {
            throttle.RecordFailure(name, address);
            SignetApiLog.SignInRefused(logger, "console", name, address, "wrong user name or password");
            return Form(context, returnUrl, name, "That user name and password do not match.", StatusCodes.Status401Unauthorized);
        }

        throttle.RecordSuccess(name);
        if (await ConsoleAuthentication.SignInAsync(context, actor) is { } notStarted)
        {
            return Form(context, returnUrl, name, "Signing in is not possible right now: " + notStarted.Message, StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : ConsoleRoutes.Home);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await ConsoleAuthentication.SignOutAsync(context);
        return Flash.Redirect(context, ConsoleRoutes.SignIn, "You are signed out.");
    }

    private static string Describe(TimeSpan wait)
    {
        int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        int minutes = (int)Math.Ceiling(seconds / 60.0);
        return seconds < 60 ? $"{seconds} second{(seconds == 1 ? "" : "s")}" : $"{minutes} minute{(minutes == 1 ? "" : "s")}";
    }

    // Only paths on this site: "/x" but not "//host" or "/\host", which browsers treat as another site.
    private static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Form(HttpContext context, string? returnUrl, string? name, string? error, int status = StatusCodes.Status200OK)
    {
        var errorMarkup = error is null ? Markup.Empty : Of($"""<div class="flash bad" role="alert"><strong>Not signed in: </strong>{error}</div>""");
        var fields = Of($"""
            <input type="hidden" name="returnUrl" value="{returnUrl ?? string.Empty}">
            {TextField("name", "User name", name, autocomplete: "username")}
            {TextField("password", "Password", type: "password", autocomplete: "current-password")}
            <button type="submit" class="button primary">Sign in</button>
            """);
        return Page.Render(context, "Sign in", Of($"""
            {errorMarkup}
            <div class="card narrow">{Html.Form(context, ConsoleRoutes.SignIn, fields, "stack")}</div>
            """), null, null, status);
    }
}
