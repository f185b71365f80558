using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Admin.Console.Check;
using Signet.Store;

namespace Signet.Admin.Api.Check;

/// <summary><c>POST /api/check</c>: the console's "Check a message" for scripts. Every signature with its result and
/// reason, alignment with the From domain, and the Authentication-Results field Signet would add (RFC 8601), looked
/// up in DNS as the mail path does. Any signed-in user may check any message: it reads only public DNS records.</summary>
public static class CheckEndpoints
{
    public static void MapCheckEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/check", CheckAsync).WithTags("Check").WithName("CheckMessage")
            .WithSummary("Verify every DKIM signature of a message and say whether it is aligned with From")
            .WithDescription($"The body is the whole message (message/rfc822), at most {MessageCheck.MaximumMessageBytes / (1024 * 1024)} MB, "
                + "checked byte for byte. The same check as the console's Check page and signet verify --json.")
            .Accepts<string>("message/rfc822", "text/plain", "application/octet-stream");
    }

    private static async Task<Results<Ok<MessageReportView>, ProblemHttpResult>> CheckAsync(
        HttpContext http, IServerSettingsStore store, MessageCheck check, CancellationToken cancellationToken)
    {
        byte[]? message = await ReadBoundedAsync(http.Request.Body, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return TypedResults.Problem(detail: $"the message is larger than {MessageCheck.MaximumMessageBytes / (1024 * 1024)} MB, the most the API checks: use signet verify for it",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        if (message.Length == 0)
        {
            return ApiProblems.Invalid("the request body is empty: send the message as message/rfc822");
        }

        var settings = await store.GetServerSettingsAsync(ApiActor.Of(http), cancellationToken).ConfigureAwait(false);
        string authservId = settings.TryGetValue(out var server, out _) ? server.HostName : http.Request.Host.Host;
        var result = await check.CheckAsync(message, authservId, cancellationToken).ConfigureAwait(false);
        return result.Problem is { } problem
            ? ApiProblems.Invalid(problem)
            : TypedResults.Ok(MessageReportView.Create(result.Report!, result.AuthenticationResults));
    }

    /// <summary>The body, or null when it is over the bound: read at most one byte more than allowed, never all of it.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MessageCheck.MaximumMessageBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
