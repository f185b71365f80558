using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Signet.Admin.Api;
using Signet.Admin.Console;
using Signet.Admin.Http;

namespace Signet.Admin;

/// <summary>How <c>signet serve</c> (and the tests) put the administration surface into a web host: the REST API
/// under <c>/api</c> (Api/) and the web console (Console/), over the same store and the same actor scope.</summary>
public static class SignetAdminExtensions
{
    /// <summary>Registers the services of the API and the console. The host registers <c>ISignetStore</c> itself.</summary>
    public static IServiceCollection AddSignetAdmin(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSignetApi().AddSignetConsole();
    }

    /// <summary>Maps the API and the console, both behind <see cref="RequestBodyBounds"/>.</summary>
    public static IEndpointRouteBuilder MapSignetAdmin(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var bounded = endpoints.MapGroup(string.Empty);
        bounded.AddEndpointFilter(RequestBodyBounds.FilterAsync);
        bounded.MapSignetApi().MapSignetConsole();
        return endpoints;
    }
}
