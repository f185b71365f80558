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
/// answering must read as an outage there as well, never as "signed out" or "No domain is assigned to you yet".
/// The reason (a database's own message: a file path, a server's address) is shown only to a caller the store has
/// already recognised; anyone else, including a caller whose session could not be checked because of the outage,
/// learns that the store is not answering and where the reason is, and the log has it.</summary>
internal sealed class StoreOutage : IStartupFilter
{
    /// <summary>What stands for the reason when the caller is not known to be signed in.</summary>
    public const string WithheldReason = "its database is not usable right now; the reason is in the log of signet serve (it is shown here only to a signed-in user)";

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
            string reason = http.User.Identity?.IsAuthenticated == true ? outage.Message : WithheldReason;
            var answer = http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                ? ApiProblems.Unavailable(reason)
                : Page.StoreUnavailable(http, ActorClaims.ToActor(http.User), reason);
            await answer.ExecuteAsync(http).ConfigureAwait(false);
        }
    }
}
