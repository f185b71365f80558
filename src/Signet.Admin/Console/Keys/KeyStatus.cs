using Signet.Admin.Console.Rendering;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Keys;

/// <summary>A key's state and its last DNS check, in words and colour.</summary>
public static class KeyStatus
{
    public static Markup State(KeyState state) => state switch
    {
        KeyState.Pending => Badge("warn", "Pending: publish the record, then activate"),
        KeyState.Active => Badge("ok", "Active: signing"),
        KeyState.Retiring => Badge("neutral", "Retiring: not signing, record kept"),
        KeyState.Revoked => Badge("bad", "Revoked: publish the empty record"),
        _ => Badge("neutral", "Deleted"),
    };

    public static Markup Dns(DnsCheckSummary? check)
    {
        if (check is null)
        {
            return Of($"""<div class="dns-check neutral" role="status">{Badge("neutral", "DNS not checked yet")}</div>""");
        }

        var badge = check.Matches
            ? Badge("ok", "DNS OK: published and matches")
            : check.Published ? Badge("bad", "DNS wrong: a record is published but it is not usable or not this key") : Badge("bad", "DNS: not found");
        return Of($"""<div class="dns-check {(check.Matches ? "ok" : "bad")}" role="status">{badge}<p>{check.Summary}</p><p class="hint">Checked {Time(check.CheckedAt)}</p></div>""");
    }

    public static string Algorithm(KeyEntry key) =>
        key.Algorithm == Signet.Dkim.DkimAlgorithm.Ed25519Sha256 ? "Ed25519" : $"RSA {key.Bits}";
}
