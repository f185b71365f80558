using Microsoft.AspNetCore.Http;
using Signet.Store.Access;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Rendering;

/// <summary>The second step of a destructive action (revoke, delete, activate without DNS, remove a domain): a page
/// that says what will happen, with the action's form (anti-forgery token, <c>confirmed=yes</c>) and a way back. A page
/// rather than a script dialog, so it works the same without JavaScript and cannot be skipped by a stray click.</summary>
public static class ConfirmationPage
{
    public static IResult Render(HttpContext context, Actor actor, string title, Markup explanation, string action, string confirmLabel,
        string backUrl, string? current, Markup fields = default) =>
        Page.Render(context, title, Of($"""
            <div class="card confirm-page">
            {explanation}
            {Form(context, action, Of($"""{fields}<input type="hidden" name="confirmed" value="yes"><div class="actions"><button type="submit" class="button danger">{confirmLabel}</button><a href="{backUrl}">Cancel and go back</a></div>"""), "stack")}
            </div>
            """), actor, current);
}
