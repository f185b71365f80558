using Microsoft.AspNetCore.Http;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Rendering;

/// <summary>The page shell: skip link, header with the sections the actor may use, the flash message, the content.</summary>
public static class Page
{
    public static IResult Render(HttpContext context, string title, Markup content, Actor? actor = null, string? current = null, int status = StatusCodes.Status200OK)
    {
        var flashMarkup = Flash.Render(context);
        var html = Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · Signet</title>
            <link rel="stylesheet" href="{ConsoleRoutes.Stylesheet}">
            <script src="{ConsoleRoutes.Script}" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top">
            <a class="brand" href="/">Signet</a>
            {Navigation(context, actor, current)}
            </header>
            <main id="main" tabindex="-1">
            {flashMarkup}
            <h1>{title}</h1>
            {content}
            </main>
            </body>
            </html>
            """);
        return Results.Content(html.Value, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>A store read refused for this actor: forbidden, or not found (which is also what a domain admin sees
    /// for what is not theirs). An outage is not a refusal: it is <see cref="StoreUnavailable"/>.</summary>
    public static IResult StoreFailure(HttpContext context, Actor? actor, StoreError error, string notFound) => error.Kind switch
    {
        StoreErrorKind.Forbidden => Forbidden(context, actor, error.Message),
        _ => NotFound(context, actor, notFound),
    };

    /// <summary>The store cannot answer (<see cref="StoreUnavailableException"/>), shown as what it is: never as an empty
    /// list or "not found" — "No domain is assigned to you yet" or "No key yet" during a database outage sends an admin
    /// looking for a problem that isn't there, or generating a key that already exists.</summary>
    public static IResult StoreUnavailable(HttpContext context, Actor? actor, string reason) =>
        Render(context, "The store is not answering", Of($"""
            <p class="flash bad" role="alert">Signet could not read its store: {reason}.</p>
            <p>This page cannot be shown: nothing is shown rather than something untrue. Try again in a moment; the log
            of <code>signet serve</code> says more.</p><p><a href="/">Back to the console</a></p>
            """), actor, null, StatusCodes.Status503ServiceUnavailable);

    public static IResult NotFound(HttpContext context, Actor? actor, string message) =>
        Render(context, "Not found", Of($"<p>{message}.</p><p><a href=\"/\">Back to the console</a></p>"), actor, null, StatusCodes.Status404NotFound);

    public static IResult Forbidden(HttpContext context, Actor? actor, string message) =>
        Render(context, "Not allowed", Of($"<p>{message}.</p><p><a href=\"/\">Back to the console</a></p>"), actor, null, StatusCodes.Status403Forbidden);

    private static Markup Navigation(HttpContext context, Actor? actor, string? current)
    {
        if (actor is null)
        {
            return Markup.Empty;
        }

        var links = new List<(string Href, string Label, string Key)>();
        if (actor.Role == UserRole.ServerAdmin)
        {
            links.Add((ConsoleRoutes.ServerDkim, "Server DKIM", "server-dkim"));
            links.Add((ConsoleRoutes.ServerDomains, "Domains", "server-domains"));
            links.Add((ConsoleRoutes.ServerPublishers, "DNS publishers", "server-publishers"));
            links.Add((ConsoleRoutes.ServerUsers, "Users", "server-users"));
            links.Add((ConsoleRoutes.ServerAudit, "Audit log", "server-audit"));
        }
        else
        {
            links.Add((ConsoleRoutes.Domains, "My domains", "domains"));
        }

        links.Add((ConsoleRoutes.Check, "Check a message", "check"));
        links.Add((ConsoleRoutes.Account, "Your account", "account"));
        var items = links.Select(l => l.Key == current
            ? Of($"""<li><a href="{l.Href}" aria-current="page">{l.Label}</a></li>""")
            : Of($"""<li><a href="{l.Href}">{l.Label}</a></li>"""));
        string role = actor.Role == UserRole.ServerAdmin ? "server admin" : "domain admin";
        return Of($"""
            <nav aria-label="Sections"><ul>{items}</ul></nav>
            <div class="who"><span>{actor.Name} ({role})</span>{ActionButton(context, ConsoleRoutes.SignOut, "Sign out", "link")}</div>
            """);
    }
}
