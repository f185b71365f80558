using Signet.Admin.Console.Rendering;
using Signet.Store.Policy;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Keys;

/// <summary>A <see cref="SigningStatus"/> as a badge: green only when the next message is signed.</summary>
public static class SigningBadge
{
    public static Markup For(SigningStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return Badge(status.IsSigning ? "ok" : "warn", Capitalized(status.Words));
    }

    private static string Capitalized(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
}
