using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Admin.Api.Keys;
using Signet.Store;

namespace Signet.Admin.Api.ServerKey;

/// <summary><c>/api/server</c>: the server settings and the server-wide keys (server admins only).</summary>
public static class ServerEndpoints
{
    private const string NotAlignedDescription =
        "Server-wide signatures (d= the host name) are NOT aligned with the From domain, so DMARC never passes on them; "
        + "they sign mail that has no domain key. Domain keys are the way to aligned signatures.";

    public static void MapServerEndpoints(this IEndpointRouteBuilder api)
    {
        var server = api.MapGroup("/server").WithTags("Server");
        server.MapGet("/", GetAsync).WithName("GetServerSettings").WithSummary("The host name and whether server-wide signing is on")
            .WithDescription(NotAlignedDescription);
        server.MapPatch("/", UpdateAsync).WithName("UpdateServerSettings").WithSummary("Change the host name or turn server-wide signing on or off")
            .WithDescription(NotAlignedDescription);
        var keys = api.MapGroup("/server").WithTags("Server keys");
        keys.MapKeyEndpoints("Server");
    }

    private static async Task<Results<Ok<ServerSettingsView>, ProblemHttpResult>> GetAsync(
        HttpContext http, IServerSettingsStore store, CancellationToken cancellationToken)
    {
        var result = await store.GetServerSettingsAsync(ApiActor.Of(http), cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error) ? TypedResults.Ok(ServerSettingsView.From(value)) : ApiProblems.From(error);
    }

    private static async Task<Results<Ok<ServerSettingsView>, ProblemHttpResult>> UpdateAsync(
        UpdateServerSettingsRequest request, HttpContext http, IServerSettingsStore store, CancellationToken cancellationToken)
    {
        var result = await store.UpdateServerSettingsAsync(ApiActor.Of(http), request?.HostName, request?.ServerSigningEnabled, cancellationToken)
            .ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error) ? TypedResults.Ok(ServerSettingsView.From(value)) : ApiProblems.From(error);
    }
}
