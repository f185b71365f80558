using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Admin.Api.Keys;

/// <summary>A key's life: activate (pending → active, refused while its record is missing or wrong unless
/// <c>force=true</c>), retire, revoke, and rotations.</summary>
public static class KeyLifecycleEndpoints
{
    public static void MapKeyLifecycleEndpoints(this RouteGroupBuilder owner, string names)
    {
        ArgumentNullException.ThrowIfNull(owner);
        owner.MapPost("/keys/{id:guid}/activate", ActivateAsync).WithName($"Activate{names}Key")
            .WithSummary("Start signing with a pending key")
            .WithDescription("Checks DNS first and refuses while the key's record is missing or holds another key; force=true activates anyway (receivers will fail its signatures until the record is published).");
        owner.MapPost("/keys/{id:guid}/retire", RetireAsync).WithName($"Retire{names}Key")
            .WithSummary("Stop signing with an active key; its record stays published so mail in flight still verifies");
        owner.MapPost("/keys/{id:guid}/revoke", RevokeAsync).WithName($"Revoke{names}Key")
            .WithSummary("Revoke a retiring key: its record to publish becomes v=DKIM1; p=");
        owner.MapPost("/keys/{id:guid}/rotations", StartRotationAsync).WithName($"Rotate{names}Key")
            .WithSummary("Start a rotation of an active key: a new key of the same kind under a new selector waits for its DNS record");
        owner.MapGet("/rotations", ListRotationsAsync).WithName($"List{names}Rotations").WithSummary("The rotations, newest first, with what to do now");
    }

    private static Task<Results<Ok<KeyView>, ProblemHttpResult>> ActivateAsync(
        Guid id, HttpContext http, IKeyStore store, CancellationToken cancellationToken, bool force = false) =>
        StepAsync(http, store, id, (actor, key) => store.ActivateKeyAsync(actor, key, force, cancellationToken), cancellationToken);

    private static Task<Results<Ok<KeyView>, ProblemHttpResult>> RetireAsync(
        Guid id, HttpContext http, IKeyStore store, CancellationToken cancellationToken) =>
        StepAsync(http, store, id, (actor, key) => store.RetireKeyAsync(actor, key, cancellationToken), cancellationToken);

    private static Task<Results<Ok<KeyView>, ProblemHttpResult>> RevokeAsync(
        Guid id, HttpContext http, IKeyStore store, CancellationToken cancellationToken) =>
        StepAsync(http, store, id, (actor, key) => store.RevokeKeyAsync(actor, key, cancellationToken), cancellationToken);

    private static async Task<Results<Created<RotationView>, ProblemHttpResult>> StartRotationAsync(
        Guid id, StartRotationRequest request, HttpContext http, IKeyStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.NewSelector))
        {
            return ApiProblems.Invalid("newSelector is required: the selector of the new key, as in {\"newSelector\": \"s2\"}");
        }

        var actor = ApiActor.Of(http);
        var owner = KeyOwners.Of(http);
        var key = await KeyOwners.LoadAsync(store, actor, owner, id, cancellationToken).ConfigureAwait(false);
        if (!key.TryGetValue(out _, out var error))
        {
            return ApiProblems.From(error);
        }

        var result = await store.StartRotationAsync(actor, id, request.NewSelector, cancellationToken).ConfigureAwait(false);
        if (!result.TryGetValue(out var value, out var resultError))
        {
            return ApiProblems.From(resultError);
        }

        return TypedResults.Created(KeyOwners.LocationOf(http, value.NewKeyId), RotationView.From(value));
    }

    private static async Task<Results<Ok<IReadOnlyList<RotationView>>, ProblemHttpResult>> ListRotationsAsync(
        HttpContext http, IKeyStore store, CancellationToken cancellationToken)
    {
        var result = await store.ListRotationsAsync(ApiActor.Of(http), KeyOwners.Of(http), cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error)
            ? TypedResults.Ok<IReadOnlyList<RotationView>>(value.Select(RotationView.From).ToList())
            : ApiProblems.From(error);
    }

    private static async Task<Results<Ok<KeyView>, ProblemHttpResult>> StepAsync(
        HttpContext http, IKeyStore store, Guid id, Func<Actor, Guid, Task<StoreResult<KeyEntry>>> step, CancellationToken cancellationToken)
    {
        var actor = ApiActor.Of(http);
        var key = await KeyOwners.LoadAsync(store, actor, KeyOwners.Of(http), id, cancellationToken).ConfigureAwait(false);
        if (!key.TryGetValue(out _, out var error))
        {
            return ApiProblems.From(error);
        }

        var result = await step(actor, id).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var resultError) ? TypedResults.Ok(KeyView.From(value)) : ApiProblems.From(resultError);
    }
}
