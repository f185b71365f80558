using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Signet.Admin.Api;
using Signet.Admin.Authentication;
using Signet.Admin.Console.Rendering;
using Signet.Store;

namespace Signet.Admin.Http;

/// <summary>The one place the web host turns <see cref="StoreUnavailableException"/> into an answer: under <c>/api</c>
/// a 503 problem whose detail is the store's reason, elsewhere the console's 503 page with that reason. It runs first,
/// before authentication, because a session or a token is checked against the store too: a store that stops
/// answering must read as an outage there as well, never as "signed out" or "No domain is assigned to you yet".</summary>
internal sealed class StoreOutage : IStartupFilter
{
    /// <summary>Registers the mapping once, however many of the API and the console the host adds.</summary>
    public static IServiceCollection AddStoreOutageAnswer(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, StoreOutage>());
        return services;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(AnswerOutageAsync);
        next(app);
    };

    private static async Task AnswerOutageAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (StoreUnavailableException outage) when (!http.Response.HasStarted)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<StoreOutage>();
            SignetApiLog.StoreUnavailable(logger, http.Request.Method, http.Request.Path, outage.Message);
            http.Response.Clear();
            var answer = http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                ? ApiProblems.Unavailable(outage.Message)
                : Page.StoreUnavailable(http, ActorClaims.ToActor(http.User), outage.Message);
            await answer.ExecuteAsync(http).ConfigureAwait(false);
        }
    }
}
