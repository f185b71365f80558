using Signet.Store.Model;

namespace Signet.Admin.Api.Rotation;

/// <summary>The API's names for key kinds and selector schemes, read and written in one place.</summary>
public static class RotationNames
{
    public static string Name(RotationKeyKinds kinds) => kinds switch
    {
        RotationKeyKinds.Ed25519 => "ed25519",
        RotationKeyKinds.Both => "both",
        _ => "rsa2048",
    };

    public static string Name(SelectorScheme scheme) => scheme == SelectorScheme.Counter ? "counter" : "date";

    public static bool TryParse(RotationSettingsRequest request, out DomainRotationSettings settings, out string error)
    {
        ArgumentNullException.ThrowIfNull(request);
        settings = new DomainRotationSettings();
        error = string.Empty;
        RotationKeyKinds? kinds = request.KeyKinds switch
        {
            null or "rsa2048" => RotationKeyKinds.Rsa2048,
            "ed25519" => RotationKeyKinds.Ed25519,
            "both" => RotationKeyKinds.Both,
            _ => null,
        };
        SelectorScheme? scheme = request.SelectorScheme switch
        {
            null or "date" => SelectorScheme.Date,
            "counter" => SelectorScheme.Counter,
            _ => null,
        };
        if (kinds is null || scheme is null)
        {
            error = kinds is null ? "keyKinds is rsa2048, ed25519 or both" : "selectorScheme is date or counter";
            return false;
        }

        settings = new DomainRotationSettings
        {
            Publisher = request.Publisher, Interval = request.Interval, KeyKinds = kinds.Value, SelectorScheme = scheme.Value,
            Overlap = request.Overlap ?? settings.Overlap, RevokedRecordLifetime = request.RevokedRecordLifetime ?? settings.RevokedRecordLifetime,
            Paused = request.Paused ?? false,
        };
        return true;
    }
}
