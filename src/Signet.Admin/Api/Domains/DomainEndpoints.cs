using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Store;
using Signet.Store.Model;
using Signet.Store.Policy;

namespace Signet.Admin.Api.Domains;

/// <summary><c>/api/domains</c>: the protected domains. A domain admin sees only their own; adding and removing
/// domains is for server admins.</summary>
public static class DomainEndpoints
{
    public static void MapDomainEndpoints(this IEndpointRouteBuilder api)
    {
        var domains = api.MapGroup("/domains").WithTags("Domains");
        domains.MapGet("/", ListAsync).WithName("ListDomains").WithSummary("List the domains the caller may see");
        domains.MapPost("/", AddAsync).WithName("AddDomain").WithSummary("Protect a new domain (server admins)");
        domains.MapGet("/{domain}", GetAsync).WithName("GetDomain").WithSummary("One domain");
        domains.MapPatch("/{domain}", UpdateAsync).WithName("UpdateDomain")
            .WithSummary("Turn signing on or off, choose how subdomains are signed");
        domains.MapDelete("/{domain}", RemoveAsync).WithName("RemoveDomain").WithSummary("Stop protecting a domain and delete its keys (server admins)");
    }

    private static async Task<Results<Ok<IReadOnlyList<DomainView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, IDomainStore store, CancellationToken cancellationToken)
    {
        // The domains with their keys in one read: one query per domain for its status would grow with the list.
        var result = await store.ListDomainsWithKeysAsync(ApiActor.Of(http), cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var domains, out var error)
            ? TypedResults.Ok<IReadOnlyList<DomainView>>(domains.Select(d => DomainView.From(d.Domain, d.Status)).ToList())
            : ApiProblems.From(error);
    }

    private static async Task<Results<Ok<DomainView>, ProblemHttpResult>> GetAsync(
        string domain, HttpContext http, ISignetStore store, CancellationToken cancellationToken)
    {
        var result = await store.GetDomainAsync(ApiActor.Of(http), domain, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error) ? TypedResults.Ok(await ViewAsync(http, store, value, cancellationToken).ConfigureAwait(false)) : ApiProblems.From(error);
    }

    private static async Task<Results<Created<DomainView>, ProblemHttpResult>> AddAsync(
        AddDomainRequest request, HttpContext http, ISignetStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Name))
        {
            return ApiProblems.Invalid("name is required: the domain to protect, as in {\"name\": \"example.com\"}");
        }

        var result = await store.AddDomainAsync(ApiActor.Of(http), request.Name, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error)
            ? TypedResults.Created($"/api/domains/{value.Name}", await ViewAsync(http, store, value, cancellationToken).ConfigureAwait(false))
            : ApiProblems.From(error);
    }

    private static async Task<Results<Ok<DomainView>, ProblemHttpResult>> UpdateAsync(
        string domain, UpdateDomainRequest request, HttpContext http, ISignetStore store, CancellationToken cancellationToken)
    {
        SubdomainSigning? subdomains = null;
        if (request?.Subdomains is { } text)
        {
            if (!SubdomainNames.TryParse(text, out var parsed, out string error))
            {
                return ApiProblems.Invalid(error);
            }

            subdomains = parsed;
        }

        var result = await store.UpdateDomainAsync(ApiActor.Of(http), domain, request?.SigningEnabled, subdomains, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var resultError) ? TypedResults.Ok(await ViewAsync(http, store, value, cancellationToken).ConfigureAwait(false)) : ApiProblems.From(resultError);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string domain, HttpContext http, ISignetStore store, CancellationToken cancellationToken)
    {
        var result = await store.RemoveDomainAsync(ApiActor.Of(http), domain, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out _, out var error) ? TypedResults.NoContent() : ApiProblems.From(error);
    }

    // Whether the domain signs its next message is derived in one place (SigningStatus), as the CLI and console do.
    private static async Task<DomainView> ViewAsync(HttpContext http, ISignetStore store, DomainEntry entry, CancellationToken cancellationToken) =>
        DomainView.From(entry, await SigningStatus.OfDomainAsync(store, ApiActor.Of(http), entry, cancellationToken).ConfigureAwait(false));
}
