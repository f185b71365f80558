using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Rotation;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Store;
using Signet.Store.Model;

namespace Signet.Admin.Console.Domains;

/// <summary>The POST actions of the "Automatic rotation" card: save the settings, rotate now, pause, resume. They are
/// mapped in the signed-in group with the other domain pages, and the store decides whose domain it is: another
/// domain's rotation answers 404, as its page does. A refusal shows the store's reason, never a green "Done".</summary>
public static class AutomaticRotationActions
{
    public static void Map(RouteGroupBuilder signedIn)
    {
        signedIn.MapPost("/domains/{domain}/dkim/rotation", SaveAsync);
        signedIn.MapPost("/domains/{domain}/dkim/rotation/run-now", (HttpContext c, IPublisherStore s, string domain) =>
            ChangeAsync(c, domain, s.RequestRotationNowAsync(ConsoleRequest.RequireActor(c), Normalize(domain), c.RequestAborted),
                "a new key is made at the next round; the current key signs until the new record is published."));
        signedIn.MapPost("/domains/{domain}/dkim/rotation/pause", (HttpContext c, IPublisherStore s, string domain) =>
            ChangeAsync(c, domain, s.PauseRotationAsync(ConsoleRequest.RequireActor(c), Normalize(domain), true, c.RequestAborted),
                "the rotation is paused: no step is taken until it is resumed, and the current key keeps signing."));
        signedIn.MapPost("/domains/{domain}/dkim/rotation/resume", (HttpContext c, IPublisherStore s, string domain) =>
            ChangeAsync(c, domain, s.PauseRotationAsync(ConsoleRequest.RequireActor(c), Normalize(domain), false, c.RequestAborted),
                "the rotation is resumed."));
    }

    /// <summary>Reads the settings form. Days are a number (decimals allowed, so a duration set through the API in
    /// hours survives a save); the limits themselves are the store's (<see cref="DomainRotationSettings.TryValidate"/>).
    /// The pause is not on the form: it stays as it is.</summary>
    public static bool TryRead(IFormCollection form, bool paused, out DomainRotationSettings settings, out string error)
    {
        ArgumentNullException.ThrowIfNull(form);
        settings = new DomainRotationSettings();
        string publisher = form["publisher"].ToString().Trim();
        string interval = form["interval"].ToString().Trim();
        TimeSpan? every = null;
        if (interval.Length > 0)
        {
            if (!TryReadDays(interval, out TimeSpan parsed))
            {
                error = "the interval is a number of days, or empty for off";
                return false;
            }

            every = parsed;
        }

        if (!TryReadDays(form["overlap"].ToString().Trim(), out TimeSpan overlap))
        {
            error = "the overlap is a number of days (7 by default)";
            return false;
        }

        if (!TryReadDays(form["revokedFor"].ToString().Trim(), out TimeSpan revoked))
        {
            error = "the time the revoked record is kept is a number of days (7 by default)";
            return false;
        }

        var request = new RotationSettingsRequest(publisher.Length == 0 ? null : publisher, every, Blank(form["keyKinds"]), Blank(form["selectorScheme"]),
            overlap, revoked, paused);
        return RotationNames.TryParse(request, out settings, out error);
    }

    private static async Task<IResult> SaveAsync(HttpContext context, IPublisherStore store, string domain)
    {
        var actor = ConsoleRequest.RequireActor(context);
        string name = Normalize(domain);
        // Read first, so that another domain's rotation answers 404 before anything about the form is said.
        var current = await store.GetRotationSettingsAsync(actor, name, context.RequestAborted);
        if (!current.TryGetValue(out var row, out var currentError))
        {
            return Page.StoreFailure(context, actor, currentError, "There is no such domain, or it is not one of yours");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!TryRead(form, row.Paused, out var settings, out string error))
        {
            return Flash.Redirect(context, ConsoleRoutes.DomainDkim(name), "the rotation settings were not saved: " + error, isError: true);
        }

        var saved = await store.SetRotationSettingsAsync(actor, name, settings, context.RequestAborted);
        if (!saved.TryGetValue(out var s, out var savedError))
        {
            return savedError.Kind is StoreErrorKind.NotFound or StoreErrorKind.Forbidden
                ? Page.StoreFailure(context, actor, savedError, "There is no such domain, or it is not one of yours")
                : Flash.Redirect(context, ConsoleRoutes.DomainDkim(name), "the rotation settings were not saved: " + savedError.Message, isError: true);
        }

        string text = s switch
        {
            { Publisher: { } p, Interval: { } i } => $"{p} publishes the records of {name}, and its keys rotate every {AutomaticRotationForm.Days(i)} days.",
            { Publisher: { } p } => $"{p} publishes the records of {name}; automatic rotation is off.",
            _ => $"the records of {name} are published by hand; automatic rotation is off.",
        };
        return Flash.Redirect(context, ConsoleRoutes.DomainDkim(name), text);
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, string domain, Task<StoreResult<AutomaticRotationStatus>> change, string success)
    {
        var result = await change;
        string page = ConsoleRoutes.DomainDkim(Normalize(domain));
        if (result.TryGetValue(out _, out var error))
        {
            return Flash.Redirect(context, page, success);
        }

        return error.Kind is StoreErrorKind.NotFound or StoreErrorKind.Forbidden
            ? Page.StoreFailure(context, ConsoleRequest.Actor(context), error, "There is no such domain, or it is not one of yours")
            : Flash.Redirect(context, page, error.Message, isError: true);
    }

    // A value beyond what the store accepts becomes one day beyond its limit, so the store refuses it with its own
    // reason and TimeSpan never overflows.
    private static bool TryReadDays(string text, out TimeSpan span)
    {
        span = TimeSpan.Zero;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal days))
        {
            return false;
        }

        decimal limit = (decimal)DomainRotationSettings.MaximumInterval.TotalDays + 1;
        span = TimeSpan.FromDays((double)Math.Clamp(days, -1, limit));
        return true;
    }

    private static string? Blank(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } text ? text : null;

    private static string Normalize(string domain) => DomainNames.TryNormalize(domain, out string name, out _) ? name : "invalid.";
}
