using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Signet.Admin.Api;

/// <summary>The REST API under <c>/api</c>: registration and endpoints.</summary>
public static class SignetApiExtensions
{
    public static IServiceCollection AddSignetApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapSignetApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
