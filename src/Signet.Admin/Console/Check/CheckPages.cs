using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Dkim.Results;
using Signet.Dkim.Verification;
using Signet.Store;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Check;

/// <summary>Check a message: paste or upload it; see each signature's result and reason, its alignment, and the
/// Authentication-Results field Signet would add.</summary>
public static class CheckPages
{
    public static void Map(RouteGroupBuilder signedIn)
    {
        signedIn.MapGet(ConsoleRoutes.Check, (HttpContext context) => Render(context, null, null));
        // Room for a message a little over the bound, so that it is refused by the check in its own words.
        signedIn.MapPost(ConsoleRoutes.Check, CheckAsync)
            .WithFormOptions(valueLengthLimit: MessageCheck.MaximumMessageBytes + FormOverhead, multipartBodyLengthLimit: MessageCheck.MaximumMessageBytes + FormOverhead);
    }

    /// <summary>Room for the anti-forgery token and the multipart headers beside a message of the largest size; a
    /// body over the bound plus this is refused by <see cref="Http.RequestBodyBounds"/> before it is read whole.</summary>
    private const int FormOverhead = 64 * 1024;

    private static async Task<IResult> CheckAsync(HttpContext context, MessageCheck check, IServerSettingsStore store)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        byte[] message;
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            if (file.Length > MessageCheck.MaximumMessageBytes)
            {
                return Render(context, null, TooLarge, StatusCodes.Status400BadRequest);
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted);
            message = buffer.ToArray();
        }
        else
        {
            message = System.Text.Encoding.UTF8.GetBytes(form["message"].ToString());
            if (message.Length > MessageCheck.MaximumMessageBytes)
            {
                return Render(context, null, TooLarge, StatusCodes.Status400BadRequest);
            }
        }

        if (message.Length == 0)
        {
            return Render(context, null, "paste a message or choose its file", StatusCodes.Status400BadRequest);
        }

        var settings = await store.GetServerSettingsAsync(actor, context.RequestAborted);
        string authservId = settings.TryGetValue(out var server, out _) ? server.HostName : context.Request.Host.Host;
        var result = await check.CheckAsync(message, authservId, context.RequestAborted);
        return Render(context, result, result.Problem, result.Problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static string TooLarge => $"the message is larger than {MessageCheck.MaximumMessageBytes / (1024 * 1024)} MB, the most the console checks";

    private static IResult Render(HttpContext context, MessageCheckResult? result, string? problem, int status = StatusCodes.Status200OK)
    {
        var fields = Of($"""
            <div class="field"><label for="field-message">The message, header and body, as received</label>
            <textarea id="field-message" name="message" rows="10" class="mono" spellcheck="false"></textarea></div>
            <div class="field"><label for="field-file">…or upload the .eml file (checked byte for byte)</label><input id="field-file" name="file" type="file"></div>
            <button type="submit" class="button primary">Check the message</button>
            """);
        var problemMarkup = problem is null ? Markup.Empty : Of($"""<div class="flash bad" role="alert"><strong>Not checked: </strong>{problem}</div>""");
        var report = result?.Report is { } r ? Report(r, result.AuthenticationResults!) : Markup.Empty;
        return Page.Render(context, "Check a message", Of($"""
            {problemMarkup}
            {report}
            <div class="card">{Form(context, ConsoleRoutes.Check, fields, "stack", upload: true)}</div>
            """), ConsoleRequest.Actor(context), "check", status);
    }

    private static Markup Report(DkimMessageReport report, string authenticationResults)
    {
        var rows = report.Signatures.Select(s => Of($"""
            <tr><th scope="row">{s.Result.Identity.SigningDomain ?? "?"}</th><td>{s.Result.Identity.Selector ?? "?"}</td>
            <td>{StatusBadge(s.Result.Status)}</td><td>{s.Result.Reason}</td>
            <td>{(s.Aligned switch { true => Badge("ok", "aligned"), false => Badge("warn", "not aligned"), null => Badge("neutral", "not judged") })}<p class="hint">{s.AlignmentDetail ?? s.AlignmentNote}</p></td></tr>
            """));
        var table = report.Signatures.Count == 0
            ? Of($"<p>{Badge("neutral", "none")} The message has no DKIM signature.</p>")
            : Of($"""<div class="table-wrap"><table><caption class="visually-hidden">Signatures</caption><thead><tr><th scope="col">d=</th><th scope="col">s=</th><th scope="col">Result</th><th scope="col">Reason</th><th scope="col">Alignment</th></tr></thead><tbody>{rows}</tbody></table></div>""");
        return Of($"""
            <section class="card" aria-labelledby="result-heading" id="check-result">
            <h2 id="result-heading">Result</h2>
            <p>From: {report.From.Message}</p>
            {table}
            {CopyBox("authentication-results", "Authentication-Results Signet would add", authenticationResults, 4)}
            </section>
            """);
    }

    private static Markup StatusBadge(DkimResultStatus status) => status switch
    {
        DkimResultStatus.Pass => Badge("ok", "pass"),
        DkimResultStatus.Fail => Badge("bad", "fail"),
        DkimResultStatus.PermError => Badge("bad", "permerror"),
        DkimResultStatus.TempError => Badge("warn", "temperror"),
        _ => Badge("neutral", AuthenticationResultsWriter.StatusWord(status)),
    };
}
