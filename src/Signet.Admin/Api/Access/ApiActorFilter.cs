using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Signet.Admin.Authentication;
using Signet.Store;

namespace Signet.Admin.Api.Access;

/// <summary>Lets a request into the API only with an actor: a bearer API token when the request carries an
/// Authorization header, else the principal another scheme already signed in (the console's cookie). Without
/// either the answer is 401 with a sentence that says how to authenticate.</summary>
public sealed class ApiActorFilter : IEndpointFilter
{
    public const string NoCredentials =
        "this API needs an API token: send \"Authorization: Bearer sgt_…\" (create one with signet token create --user NAME), or sign in to the console";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            var result = await http.AuthenticateAsync(ApiTokenAuthentication.Scheme).ConfigureAwait(false);
            if (result.Failure is StoreUnavailableException outage)
            {
                // Not a refused token: the store could not check it. Answered where every outage is (StoreOutage).
                ExceptionDispatchInfo.Capture(outage).Throw();
            }

            if (!result.Succeeded)
            {
                return result.Failure is ApiTokenRejectedException { StoreError: { } storeError }
                    ? ApiProblems.From(storeError)
                    : Unauthorized(http, result.Failure?.Message ?? NoCredentials);
            }

            http.User = result.Principal;
        }

        if (ActorClaims.ToActor(http.User) is null)
        {
            return Unauthorized(http, NoCredentials);
        }

        return await next(context).ConfigureAwait(false);
    }

    private static IResult Unauthorized(HttpContext http, string detail)
    {
        // RFC 6750 §3: a 401 names the scheme the client should use.
        http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return ApiProblems.Unauthorized(detail);
    }
}
