using System.Globalization;
using Signet.Dkim;
using Signet.Store.Model;

namespace Signet.Store.Rotation;

/// <summary>Names new selectors as a domain's <see cref="SelectorScheme"/> says, never one its keys already use.</summary>
internal static class RotationSelectors
{
    public static string Next(SelectorScheme scheme, RotationKeyKinds kinds, DkimKeyType type, DateTimeOffset now, IReadOnlyCollection<string> taken)
    {
        if (scheme == SelectorScheme.Counter)
        {
            int highest = taken.Select(s => s.Length > 1 && s[0] == 's' && int.TryParse(s.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0)
                .DefaultIfEmpty(0).Max();
            return $"s{highest + 1}";
        }

        // Two keys made in one month keep the same date: the kind tells them apart, then a letter.
        string stem = $"s{now.UtcDateTime:yyyyMM}" + (kinds == RotationKeyKinds.Both ? (type == DkimKeyType.Rsa ? "r" : "e") : string.Empty);
        string candidate = stem;
        for (char suffix = 'b'; taken.Contains(candidate, StringComparer.OrdinalIgnoreCase); suffix++)
        {
            candidate = stem + suffix;
        }

        return candidate;
    }

    public static IReadOnlyList<DkimKeyType> TypesOf(RotationKeyKinds kinds) => kinds switch
    {
        RotationKeyKinds.Ed25519 => [DkimKeyType.Ed25519],
        RotationKeyKinds.Both => [DkimKeyType.Rsa, DkimKeyType.Ed25519],
        _ => [DkimKeyType.Rsa],
    };

    public static bool IsOfType(KeyEntry key, DkimKeyType type) =>
        (key.Algorithm == DkimAlgorithm.Ed25519Sha256) == (type == DkimKeyType.Ed25519);
}
