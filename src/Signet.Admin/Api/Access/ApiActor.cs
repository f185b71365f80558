using Microsoft.AspNetCore.Http;
using Signet.Admin.Authentication;
using Signet.Store.Access;

namespace Signet.Admin.Api.Access;

/// <summary>The actor of a request that <see cref="ApiActorFilter"/> let in.</summary>
public static class ApiActor
{
    public static Actor Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return ActorClaims.ToActor(http.User)
            ?? throw new InvalidOperationException("An API endpoint ran without an actor: it must be mapped behind ApiActorFilter.");
    }
}
