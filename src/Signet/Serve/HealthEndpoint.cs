using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Signet.Serve;

/// <summary><c>GET /health</c>: whether the store answers and the milter listens, as JSON; 200 when both are fine,
/// 503 otherwise, so a load balancer or a monitoring check can read the status code alone. It shows no domain, key
/// or user, so it needs no sign-in.</summary>
public static class HealthEndpoint
{
    public const string Path = "/health";

    /// <summary>A store that takes longer than this to say its revision counts as down.</summary>
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapSignetHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, CheckAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(OpenedStore store, MilterService milter, CancellationToken cancellationToken)
    {
        var storeHealth = await CheckStoreAsync(store, cancellationToken).ConfigureAwait(false);
        var milterHealth = new MilterHealth(
            milter.IsListening ? "ok" : "down",
            milter.LocalEndPoint?.ToString() ?? milter.Listen,
            milter.SessionCount);
        bool healthy = storeHealth.Status == "ok" && milterHealth.Status == "ok";
        var report = new HealthReport(healthy ? "ok" : "degraded", storeHealth, milterHealth);
        return TypedResults.Json(report, ServeJsonContext.Default.HealthReport, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<StoreHealth> CheckStoreAsync(OpenedStore store, CancellationToken cancellationToken)
    {
        string kind = store.Store.Options.ConnectionString is null ? "sqlite" : "postgresql";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StoreTimeout);
            long revision = await store.Store.GetRevisionAsync(timeout.Token).ConfigureAwait(false);
            return new StoreHealth("ok", kind, revision, null);
        }
#pragma warning disable CA1031 // Whatever the store throws, the answer is "down" with its message.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return new StoreHealth("down", kind, null, exception.Message);
        }
    }

    public sealed record HealthReport(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("store")] StoreHealth Store,
        [property: JsonPropertyName("milter")] MilterHealth Milter);

    public sealed record StoreHealth(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("revision")] long? Revision,
        [property: JsonPropertyName("error")] string? Error);

    public sealed record MilterHealth(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("endpoint")] string Endpoint,
        [property: JsonPropertyName("sessions")] int Sessions);
}
