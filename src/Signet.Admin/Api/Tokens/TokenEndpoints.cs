using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Store;

namespace Signet.Admin.Api.Tokens;

/// <summary><c>/api/tokens</c>: API tokens. Anyone may create one for themselves; server admins for anyone.</summary>
public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapPost("/", CreateAsync).WithName("CreateToken")
            .WithSummary("Create an API token; the secret is in this response only")
            .WithDescription("The token acts with its user's role and domains. Signet keeps only its SHA-256: store the secret now, it cannot be shown again.");
    }

    private static async Task<Results<Ok<TokenCreatedView>, ProblemHttpResult>> CreateAsync(
        CreateTokenRequest request, HttpContext http, ISignetStore store, CancellationToken cancellationToken)
    {
        var actor = ApiActor.Of(http);
        var userId = request?.UserId ?? actor.UserId;
        string description = request?.Description ?? string.Empty;
        var result = await store.CreateTokenAsync(actor, userId, description, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return ApiProblems.From(result.Error!);
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TokenCreatedView(result.Value!, userId, description,
            "this is the only time the token is shown: store it now; send it as \"Authorization: Bearer <token>\""));
    }
}

/// <summary>Whose token to create (the caller when absent) and a description to recognise it by.</summary>
public sealed record CreateTokenRequest(Guid? UserId, string? Description);

/// <summary>A new API token: <c>token</c> is the secret, shown this once.</summary>
public sealed record TokenCreatedView(string Token, Guid UserId, string Description, string Note);
