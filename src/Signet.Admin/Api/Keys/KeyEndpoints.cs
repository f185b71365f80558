using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Dkim;
using Signet.Dkim.Keys;
using Signet.Store;
using Signet.Store.Model;

namespace Signet.Admin.Api.Keys;

/// <summary>The keys of a domain (<c>/api/domains/{domain}/keys</c>) or of the server (<c>/api/server/keys</c>): list,
/// get, generate, import, delete. Lifecycle steps are in <see cref="KeyLifecycleEndpoints"/>, DNS in
/// <see cref="KeyDnsEndpoints"/>. No response carries a private key.</summary>
public static class KeyEndpoints
{
    /// <summary>Maps the key endpoints under <paramref name="owner"/>; <paramref name="names"/> prefixes the operation ids
    /// ("Domain", "Server") so both sets are distinct in the OpenAPI document.</summary>
    public static void MapKeyEndpoints(this RouteGroupBuilder owner, string names)
    {
        ArgumentNullException.ThrowIfNull(owner);
        owner.MapGet("/keys", ListAsync).WithName($"List{names}Keys").WithSummary("List the keys, newest first (deleted keys are not listed)");
        owner.MapPost("/keys", GenerateAsync).WithName($"Generate{names}Key")
            .WithSummary("Generate a key on the server; it starts pending until its DNS record is published");
        owner.MapPost("/keys/import", ImportAsync).WithName($"Import{names}Key")
            .WithSummary("Import a private key made elsewhere (PEM or an Ed25519 seed); it is never sent back");
        owner.MapGet("/keys/{id:guid}", GetAsync).WithName($"Get{names}Key").WithSummary("One key");
        owner.MapDelete("/keys/{id:guid}", DeleteAsync).WithName($"Delete{names}Key")
            .WithSummary("Delete a key that no longer signs: its private key is destroyed");
        owner.MapKeyLifecycleEndpoints(names);
        owner.MapKeyDnsEndpoints(names);
    }

    private static async Task<Results<Ok<IReadOnlyList<KeyView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, IKeyStore store, CancellationToken cancellationToken)
    {
        var result = await store.ListKeysAsync(ApiActor.Of(http), KeyOwners.Of(http), cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error) ? TypedResults.Ok<IReadOnlyList<KeyView>>(value.Select(KeyView.From).ToList()) : ApiProblems.From(error);
    }

    private static async Task<Results<Ok<KeyView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, IKeyStore store, CancellationToken cancellationToken)
    {
        var result = await KeyOwners.LoadAsync(store, ApiActor.Of(http), KeyOwners.Of(http), id, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error) ? TypedResults.Ok(KeyView.From(value)) : ApiProblems.From(error);
    }

    private static async Task<Results<Created<KeyView>, ProblemHttpResult>> GenerateAsync(
        GenerateKeyRequest request, HttpContext http, IKeyStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Selector))
        {
            return ApiProblems.Invalid($"selector is required, as in {{\"selector\": \"s1\", \"algorithm\": \"{DkimKeyTypeNames.Rsa}\", \"bits\": {DkimKeySizes.RecommendedRsaBits}}}");
        }

        var type = DkimKeyType.Rsa;
        if (request.Algorithm is not null && !DkimKeyTypeNames.TryParseChoice(request.Algorithm, out type))
        {
            return ApiProblems.Invalid($"algorithm \"{request.Algorithm}\" is not known: use {DkimKeyTypeNames.Rsa} (every receiver verifies it) or {DkimKeyTypeNames.Ed25519} (RFC 8463)");
        }

        var generation = new KeyGenerationRequest(request.Selector, type, request.Bits ?? DkimKeySizes.RecommendedRsaBits);
        var result = await store.GenerateKeyAsync(ApiActor.Of(http), KeyOwners.Of(http), generation, cancellationToken).ConfigureAwait(false);
        return Created(http, result);
    }

    private static async Task<Results<Created<KeyView>, ProblemHttpResult>> ImportAsync(
        ImportKeyRequest request, HttpContext http, IKeyStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Selector) || string.IsNullOrWhiteSpace(request.PrivateKey))
        {
            return ApiProblems.Invalid("selector and privateKey are required: privateKey holds the PEM text or the base64 Ed25519 seed");
        }

        byte[] privateKey = System.Text.Encoding.UTF8.GetBytes(request.PrivateKey);
        try
        {
            var result = await store.ImportKeyAsync(ApiActor.Of(http), KeyOwners.Of(http), request.Selector, privateKey, cancellationToken).ConfigureAwait(false);
            return Created(http, result);
        }
        finally
        {
            Array.Clear(privateKey);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpContext http, IKeyStore store, CancellationToken cancellationToken)
    {
        var actor = ApiActor.Of(http);
        var key = await KeyOwners.LoadAsync(store, actor, KeyOwners.Of(http), id, cancellationToken).ConfigureAwait(false);
        if (!key.TryGetValue(out _, out var error))
        {
            return ApiProblems.From(error);
        }

        var result = await store.DeleteKeyAsync(actor, id, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out _, out var resultError) ? TypedResults.NoContent() : ApiProblems.From(resultError);
    }

    private static Results<Created<KeyView>, ProblemHttpResult> Created(HttpContext http, StoreResult<KeyEntry> result) =>
        result.TryGetValue(out var value, out var error)
            ? TypedResults.Created(KeyOwners.LocationOf(http, value.Id), KeyView.From(value))
            : ApiProblems.From(error);
}
