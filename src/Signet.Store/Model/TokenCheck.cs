using Signet.Store.Access;

namespace Signet.Store.Model;

/// <summary>What a presented API token stands for: the actor, or a sentence saying why it is refused (unknown,
/// revoked, expired) that can be shown to the caller.</summary>
public sealed record TokenCheck(Actor? Actor, string? Refusal)
{
    public static TokenCheck Accepted(Actor actor) => new(actor, null);

    public static TokenCheck Refused(string reason) => new(null, reason);
}
