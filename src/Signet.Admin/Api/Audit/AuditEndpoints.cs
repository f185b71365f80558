using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Store;
using Signet.Store.Model;

namespace Signet.Admin.Api.Audit;

/// <summary><c>/api/audit</c>: who did what, newest first. A domain admin sees entries about their domains and their
/// own actions.</summary>
public static class AuditEndpoints
{
    public const int MaximumLimit = 1000;

    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", ListAsync).WithTags("Audit").WithName("ListAudit").WithSummary("The audit log, newest first (limit 1 to 1000, default 100)");
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> ListAsync(
        HttpContext http, IAuditStore store, CancellationToken cancellationToken, int limit = 100)
    {
        if (limit is < 1 or > MaximumLimit)
        {
            return ApiProblems.Invalid($"limit {limit} is out of range: ask for 1 to {MaximumLimit} entries");
        }

        var result = await store.ListAuditAsync(ApiActor.Of(http), limit, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error) ? TypedResults.Ok(value) : ApiProblems.From(error);
    }
}
