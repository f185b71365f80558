using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Signet.Admin.Api.Access;
using Signet.Admin.Api.Audit;
using Signet.Admin.Api.Check;
using Signet.Admin.Api.Domains;
using Signet.Admin.Api.Policy;
using Signet.Admin.Api.Rotation;
using Signet.Admin.Api.ServerKey;
using Signet.Admin.Api.Tokens;
using Signet.Admin.Api.Users;
using Signet.Admin.Http;

namespace Signet.Admin.Api;

/// <summary>The REST API under <c>/api</c>: registration and endpoints. Every endpoint acts for the actor of a bearer
/// API token or of the principal another scheme signed in (the console's cookie), and answers errors as RFC 9457
/// problem details. The OpenAPI document is at <c>/api/openapi.json</c>.</summary>
public static class SignetApiExtensions
{
    public const string OpenApiPath = "/api/openapi.json";

    public static IServiceCollection AddSignetApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddStoreAggregates();
        // The API's bodies through generated serializers (ApiJsonContext), ahead of anything else in the chain.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddProblemDetails();
        services.AddTransient<IStartupFilter, ApiStatusProblems>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthentication.Scheme, "Signet API token", null);
        services.AddOpenApi(ApiDocument.Configure);
        Console.Check.MessageCheck.Register(services);
        return services;
    }

    public static IEndpointRouteBuilder MapSignetApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api")
            .AddEndpointFilter<ApiActorFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapDomainEndpoints();
        api.MapGroup("/domains/{domain}").WithTags("Domain keys").MapDomainKeyEndpoints();
        api.MapServerEndpoints();
        api.MapUserEndpoints();
        api.MapTokenEndpoints();
        api.MapAuditEndpoints();
        api.MapPolicyEndpoints();
        api.MapCheckEndpoints();
        api.MapRotationEndpoints();
        endpoints.MapOpenApi(OpenApiPath);
        return endpoints;
    }

    private static void MapDomainKeyEndpoints(this RouteGroupBuilder domain) => Keys.KeyEndpoints.MapKeyEndpoints(domain, "Domain");
}
