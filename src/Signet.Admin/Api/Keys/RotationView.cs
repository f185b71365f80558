using Signet.Store.Model;

namespace Signet.Admin.Api.Keys;

/// <summary>A rotation: <c>waitingForDns</c> (publish the new record) → <c>switched</c> (the new key signs, the old
/// record stays) → <c>oldRevoked</c>; or <c>cancelled</c>. <c>explanation</c> says what to do now.</summary>
public sealed record RotationView(
    Guid Id,
    Guid OldKeyId,
    Guid NewKeyId,
    string Step,
    DateTimeOffset StartedAt,
    DateTimeOffset? SwitchedAt,
    double RevokeOldAfterDays,
    string Explanation)
{
    public static RotationView From(RotationEntry rotation)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        string step = rotation.Step.ToString();
        return new RotationView(rotation.Id, rotation.OldKeyId, rotation.NewKeyId, char.ToLowerInvariant(step[0]) + step[1..],
            rotation.StartedAt, rotation.SwitchedAt, rotation.RevokeOldAfter.TotalDays, rotation.Explanation);
    }
}
