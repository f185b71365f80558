using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Store;

namespace Signet.Admin.Api.Users;

/// <summary><c>/api/users</c>: the people who manage Signet (managing them is for server admins).</summary>
public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("List the users");
        users.MapPost("/", AddAsync).WithName("AddUser").WithSummary("Add a user with a password (server admins)");
        users.MapPut("/{id:guid}/domains", SetDomainsAsync).WithName("SetUserDomains").WithSummary("Set the domains a domain admin manages (server admins)");
        users.MapPut("/{id:guid}/password", SetPasswordAsync).WithName("SetUserPassword")
            .WithSummary("Set a user's password (server admins); every session of that user ends");
        users.MapDelete("/{id:guid}", RemoveAsync).WithName("RemoveUser").WithSummary("Remove a user and their tokens (server admins)");
    }

    private static async Task<Results<Ok<IReadOnlyList<UserView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, IUserStore store, CancellationToken cancellationToken)
    {
        var result = await store.ListUsersAsync(ApiActor.Of(http), cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error) ? TypedResults.Ok<IReadOnlyList<UserView>>(value.Select(UserView.From).ToList()) : ApiProblems.From(error);
    }

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> AddAsync(
        AddUserRequest request, HttpContext http, IUserStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Name) || string.IsNullOrEmpty(request.Password))
        {
            return ApiProblems.Invalid("name and password are required, as in {\"name\": \"dana\", \"role\": \"domainAdmin\", \"password\": \"…\", \"domains\": [\"example.com\"]}");
        }

        if (!UserView.TryParseRole(request.Role ?? UserView.DomainAdmin, out var role))
        {
            return ApiProblems.Invalid($"role \"{request.Role}\" is not known: use {UserView.ServerAdmin} or {UserView.DomainAdmin}");
        }

        var result = await store.AddUserAsync(ApiActor.Of(http), request.Name, role, request.Password, request.Domains ?? [], cancellationToken)
            .ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error)
            ? TypedResults.Created($"/api/users/{value.Id}", UserView.From(value))
            : ApiProblems.From(error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetPasswordAsync(
        Guid id, SetUserPasswordRequest request, HttpContext http, IUserStore store, CancellationToken cancellationToken)
    {
        // Who may do this is decided first (by the store); an empty password is then refused with the rules' reason.
        var result = await store.ResetPasswordAsync(ApiActor.Of(http), id, request?.Password ?? string.Empty, null, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out _, out var error) ? TypedResults.NoContent() : ApiProblems.From(error);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> SetDomainsAsync(
        Guid id, SetUserDomainsRequest request, HttpContext http, IUserStore store, CancellationToken cancellationToken)
    {
        if (request?.Domains is null)
        {
            return ApiProblems.Invalid("domains is required: the full list, as in {\"domains\": [\"example.com\"]} ([] for none)");
        }

        var result = await store.SetUserDomainsAsync(ApiActor.Of(http), id, request.Domains, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error) ? TypedResults.Ok(UserView.From(value)) : ApiProblems.From(error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid id, HttpContext http, IUserStore store, CancellationToken cancellationToken)
    {
        var result = await store.RemoveUserAsync(ApiActor.Of(http), id, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out _, out var error) ? TypedResults.NoContent() : ApiProblems.From(error);
    }
}
