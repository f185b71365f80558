using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Signet.Admin.Console;

/// <summary>The web console: registration and endpoints.</summary>
public static class SignetConsoleExtensions
{
    public static IServiceCollection AddSignetConsole(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapSignetConsole(this IEndpointRouteBuilder endpoints) => endpoints;
}
