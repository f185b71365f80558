using System.Security.Claims;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Admin.Authentication;

/// <summary>The one mapping between a signed-in <see cref="Actor"/> and the claims its cookie or API token carries,
/// so the console and the API act for exactly the same person with the same scope.</summary>
public static class ActorClaims
{
    public const string DomainClaim = "signet:domain";

    public static ClaimsPrincipal ToPrincipal(Actor actor, string authenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId.ToString()),
            new(ClaimTypes.Name, actor.Name),
            new(ClaimTypes.Role, actor.Role.ToString()),
        };
        claims.AddRange(actor.Domains.Select(d => new Claim(DomainClaim, d)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationScheme));
    }

    /// <summary>The actor a principal stands for, or null when it is not signed in or its claims are incomplete.</summary>
    public static Actor? ToActor(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            || principal.FindFirstValue(ClaimTypes.Name) is not { } name
            || !Enum.TryParse<UserRole>(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        var domains = principal.FindAll(DomainClaim).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new Actor(id, name, role, domains);
    }
}
