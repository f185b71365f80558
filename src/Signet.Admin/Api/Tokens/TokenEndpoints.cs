using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Store;

namespace Signet.Admin.Api.Tokens;

/// <summary><c>/api/tokens</c>: API tokens. Anyone may create, list and revoke their own; server admins anyone's.</summary>
public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("/", ListAsync).WithName("ListTokens")
            .WithSummary("List API tokens without their secrets: yours, or everyone's for server admins")
            .WithDescription("Each token shows its first characters (prefix), description, creation, last use and expiry.");
        tokens.MapPost("/", CreateAsync).WithName("CreateToken")
            .WithSummary("Create an API token, optionally expiring; the secret is in this response only")
            .WithDescription("The token acts with its user's role and domains. Signet keeps only its SHA-256: store the secret now, it cannot be shown again. After expiresAt the token is refused with 401.");
        tokens.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeToken")
            .WithSummary("Revoke an API token: it stops working at once");
    }

    private static async Task<Results<Ok<IReadOnlyList<TokenView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ITokenStore store, CancellationToken cancellationToken)
    {
        var result = await store.ListTokensAsync(ApiActor.Of(http), cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error) ? TypedResults.Ok<IReadOnlyList<TokenView>>(value.Select(TokenView.From).ToList()) : ApiProblems.From(error);
    }

    private static async Task<Results<Ok<TokenCreatedView>, ProblemHttpResult>> CreateAsync(
        CreateTokenRequest request, HttpContext http, ITokenStore store, CancellationToken cancellationToken)
    {
        var actor = ApiActor.Of(http);
        var userId = request?.UserId ?? actor.UserId;
        string description = request?.Description ?? string.Empty;
        var result = await store.CreateTokenAsync(actor, userId, description, request?.ExpiresAt, cancellationToken).ConfigureAwait(false);
        if (!result.TryGetValue(out var value, out var error))
        {
            return ApiProblems.From(error);
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TokenCreatedView(value, userId, description, request?.ExpiresAt,
            "this is the only time the token is shown: store it now; send it as \"Authorization: Bearer <token>\""));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, HttpContext http, ITokenStore store, CancellationToken cancellationToken)
    {
        var result = await store.RevokeTokenAsync(ApiActor.Of(http), id, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out _, out var error) ? TypedResults.NoContent() : ApiProblems.From(error);
    }
}

/// <summary>Whose token to create (the caller when absent), a description to recognise it by, and when it stops
/// working (never when absent).</summary>
public sealed record CreateTokenRequest(Guid? UserId, string? Description, DateTimeOffset? ExpiresAt = null);

/// <summary>A new API token: <c>token</c> is the secret, shown this once.</summary>
public sealed record TokenCreatedView(string Token, Guid UserId, string Description, DateTimeOffset? ExpiresAt, string Note);
