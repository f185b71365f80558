using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Signet.Admin.Api;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Http;

/// <summary>A request body the console or the API cannot read (over a bound, cut short, not the form it claims to
/// be) is the caller's mistake: it gets a 400 (413 when only its size is wrong) with the reason in words, a problem
/// document under <c>/api</c> and a page in the console, never a 500 and a stack trace in the log. Wraps every
/// endpoint of both, so a handler can read its form or body without guarding each read.</summary>
public static class RequestBodyBounds
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocation).ConfigureAwait(false);
        }
        catch (Exception exception) when (Refusal(invocation.HttpContext, exception) is { } refusal)
        {
            return Answer(invocation.HttpContext, refusal.Status, refusal.Reason);
        }
    }

    /// <summary>The status and reason for an exception that comes from the request's body, or null for anything else
    /// (a fault of the server, which stays a 500).</summary>
    private static (int Status, string Reason)? Refusal(HttpContext context, Exception exception) => exception switch
    {
        // Kestrel's own limits and malformed framing: its message says which ("Request body too large…").
        BadHttpRequestException bad => (bad.StatusCode, "the request could not be read: " + bad.Message),
        // The anti-forgery check reads the form first, and reports a form it cannot read this way.
        AntiforgeryValidationException { InnerException: InvalidDataException or IOException } unreadable
            => (StatusCodes.Status400BadRequest, "the form could not be read: " + unreadable.InnerException!.Message),
        // FormOptions' bounds (a field, a file or the number of fields) and broken multipart bodies.
        InvalidDataException invalid => (StatusCodes.Status400BadRequest, "the form could not be read: " + invalid.Message),
        // ReadFormAsync on a body that is not a form.
        InvalidOperationException when !context.Request.HasFormContentType && HasBody(context)
            => (StatusCodes.Status400BadRequest, "the request is not a form: send application/x-www-form-urlencoded or multipart/form-data"),
        _ => null,
    };

    private static bool HasBody(HttpContext context) =>
        context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0 || context.Request.ContentType is not null;

    private static IResult Answer(HttpContext context, int status, string reason)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            return TypedResults.Problem(detail: reason, statusCode: status, title: status == StatusCodes.Status413PayloadTooLarge ? "Too large" : "Invalid request");
        }

        return Page.Render(context, "The form could not be accepted", Of($"<p>{reason}. Go back and try again.</p>"), ConsoleRequest.Actor(context), null, status);
    }
}
