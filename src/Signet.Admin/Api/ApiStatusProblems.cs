using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Signet.Admin.Api;

/// <summary>Gives the bare error statuses ASP.NET Core answers by itself under <c>/api</c> (a body that is not JSON, an
/// unknown path, a wrong method) a problem details body with a sentence, like every other API error.</summary>
public sealed class ApiStatusProblems : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(WriteProblemAsync);
        next(app);
    };

    private static async Task WriteProblemAsync(HttpContext http, RequestDelegate next)
    {
        await next(http).ConfigureAwait(false);
        var response = http.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength is not null || response.ContentType is not null
            || !http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            return;
        }

        string? detail = response.StatusCode switch
        {
            StatusCodes.Status400BadRequest =>
                "the request cannot be read: send a JSON object (Content-Type: application/json) with the fields /api/openapi.json describes for this endpoint",
            StatusCodes.Status404NotFound => $"there is no API endpoint {http.Request.Method} {http.Request.Path}: /api/openapi.json lists them",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Path} does not take {http.Request.Method}: /api/openapi.json lists its methods",
            StatusCodes.Status415UnsupportedMediaType => "send the body as application/json",
            _ => null,
        };
        if (detail is null)
        {
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = response.StatusCode, Detail = detail },
        }).ConfigureAwait(false);
    }
}
