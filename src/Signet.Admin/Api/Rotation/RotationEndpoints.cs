using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Store;
using Signet.Store.Model;

namespace Signet.Admin.Api.Rotation;

/// <summary><c>/api/publishers</c> (server admins configure; every admin lists those that can serve their domains)
/// and <c>/api/domains/{domain}/rotation</c>: a domain's publisher, its hands-off rotation and where it stands.</summary>
public static class RotationEndpoints
{
    public static void MapRotationEndpoints(this IEndpointRouteBuilder api)
    {
        var publishers = api.MapGroup("/publishers").WithTags("Publishers");
        publishers.MapGet("/", ListPublishersAsync).WithName("ListPublishers").WithSummary("The DNS publishers the caller may choose");
        publishers.MapPost("/", AddPublisherAsync).WithName("AddPublisher").WithSummary("Add an RFC 2136 publisher with its TSIG key (server admins)");
        publishers.MapDelete("/{name}", RemovePublisherAsync).WithName("RemovePublisher").WithSummary("Remove a publisher no domain uses (server admins)");

        var rotation = api.MapGroup("/domains/{domain}/rotation").WithTags("Rotation");
        rotation.MapGet("/", GetAsync).WithName("GetRotation").WithSummary("The domain's publisher, rotation settings, current step and last failure");
        rotation.MapPut("/", SetAsync).WithName("SetRotation").WithSummary("Choose the domain's publisher and rotation settings");
        rotation.MapPost("/run-now", (string domain, HttpContext http, IPublisherStore store, CancellationToken ct) =>
            Answer(store.RequestRotationNowAsync(ApiActor.Of(http), domain, ct))).WithName("RunRotationNow").WithSummary("Rotate at the next round");
        rotation.MapPost("/pause", (string domain, HttpContext http, IPublisherStore store, CancellationToken ct) =>
            Answer(store.PauseRotationAsync(ApiActor.Of(http), domain, true, ct))).WithName("PauseRotation").WithSummary("Take no step until resumed");
        rotation.MapPost("/resume", (string domain, HttpContext http, IPublisherStore store, CancellationToken ct) =>
            Answer(store.PauseRotationAsync(ApiActor.Of(http), domain, false, ct))).WithName("ResumeRotation").WithSummary("Take steps again");
    }

    private static async Task<Results<Ok<IReadOnlyList<PublisherView>>, ProblemHttpResult>> ListPublishersAsync(
        HttpContext http, IPublisherStore store, CancellationToken cancellationToken)
    {
        var result = await store.ListPublishersAsync(ApiActor.Of(http), cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error)
            ? TypedResults.Ok<IReadOnlyList<PublisherView>>(value.Select(PublisherView.From).ToList())
            : ApiProblems.From(error);
    }

    private static async Task<Results<Created<PublisherView>, ProblemHttpResult>> AddPublisherAsync(
        AddPublisherRequest request, HttpContext http, IPublisherStore store, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ApiProblems.Invalid("a body is required: {\"name\", \"primary\", \"zone\", \"keyName\", \"secret\"}");
        }

        var result = await store.AddPublisherAsync(ApiActor.Of(http),
            new PublisherRequest(request.Name ?? string.Empty, request.Primary ?? string.Empty, request.Zone ?? string.Empty, request.KeyName ?? string.Empty,
                request.Secret ?? string.Empty), cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error)
            ? TypedResults.Created($"/api/publishers/{value.Name}", PublisherView.From(value))
            : ApiProblems.From(error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemovePublisherAsync(
        string name, HttpContext http, IPublisherStore store, CancellationToken cancellationToken)
    {
        var result = await store.RemovePublisherAsync(ApiActor.Of(http), name, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out _, out var error) ? TypedResults.NoContent() : ApiProblems.From(error);
    }

    private static Task<Results<Ok<AutomaticRotationView>, ProblemHttpResult>> GetAsync(
        string domain, HttpContext http, IPublisherStore store, CancellationToken cancellationToken) =>
        Answer(store.GetRotationStatusAsync(ApiActor.Of(http), domain, cancellationToken));

    private static async Task<Results<Ok<AutomaticRotationView>, ProblemHttpResult>> SetAsync(
        string domain, RotationSettingsRequest request, HttpContext http, IPublisherStore store, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ApiProblems.Invalid("a body is required: {\"publisher\": \"…\", \"interval\": \"90.00:00:00\"}");
        }

        if (!RotationNames.TryParse(request, out var settings, out string error))
        {
            return ApiProblems.Invalid(error);
        }

        var saved = await store.SetRotationSettingsAsync(ApiActor.Of(http), domain, settings, cancellationToken).ConfigureAwait(false);
        return saved.TryGetValue(out _, out var savedError)
            ? await Answer(store.GetRotationStatusAsync(ApiActor.Of(http), domain, cancellationToken)).ConfigureAwait(false)
            : ApiProblems.From(savedError);
    }

    private static async Task<Results<Ok<AutomaticRotationView>, ProblemHttpResult>> Answer(Task<StoreResult<AutomaticRotationStatus>> call)
    {
        var result = await call.ConfigureAwait(false);
        return result.TryGetValue(out var value, out var error) ? TypedResults.Ok(AutomaticRotationView.From(value)) : ApiProblems.From(error);
    }
}
