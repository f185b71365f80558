using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Signet.Admin.Authentication;
using Signet.Store;

namespace Signet.Admin.Api.Access;

/// <summary>Turns <c>Authorization: Bearer sgt_…</c> into the principal of the token's user, through
/// <see cref="ITokenStore.CheckTokenAsync"/> and <see cref="ActorClaims"/>. The token itself is never logged.</summary>
public sealed class ApiTokenAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly ITokenStore _store;

    public ApiTokenAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ITokenStore store)
        : base(options, logger, encoder) => _store = store;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string header = Request.Headers[HeaderNames.Authorization].ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(ApiTokenAuthentication.BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail(new ApiTokenRejectedException(
                "the Authorization header is not a bearer token: send \"Authorization: Bearer sgt_…\" with a token from signet token create"));
        }

        string token = header[ApiTokenAuthentication.BearerPrefix.Length..].Trim();
        var result = await _store.CheckTokenAsync(token, Context.RequestAborted).ConfigureAwait(false);
        if (!result.TryGetValue(out var value, out var error))
        {
            SignetApiLog.TokenCheckFailed(Logger, error.Message);
            return AuthenticateResult.Fail(new ApiTokenRejectedException(error));
        }

        if (value.Actor is not { } actor)
        {
            // Unknown, revoked or expired: a 401 problem whose detail says which, so the caller knows what to do.
            SignetApiLog.TokenRejected(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown", value.Refusal ?? "refused");
            return AuthenticateResult.Fail(new ApiTokenRejectedException(value.Refusal ?? "the API token is refused"));
        }

        var principal = ActorClaims.ToPrincipal(actor, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
