using Signet.Admin.Console.Rendering;
using Signet.Dkim.Diagnostics;
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

        var tone = Tone(check);
        var badge = check.Matches
            ? Badge(tone == FlashTone.Ok ? "ok" : "warn", tone == FlashTone.Ok ? "DNS OK: published and matches" : "DNS OK, with a warning")
            : check.Published ? Badge("bad", "DNS wrong: a record is published but it is not usable or not this key")
            : tone == FlashTone.Warning ? Badge("warn", "DNS not checked: no answer") : Badge("bad", "DNS: not found");
        string css = tone switch { FlashTone.Ok => "ok", FlashTone.Warning => "warn", _ => "bad" };
        return Of($"""<div class="dns-check {css}" role="status">{badge}<p>{check.Summary}</p><p class="hint">Checked {Time(check.CheckedAt)}</p></div>""");
    }

    /// <summary>The tone of a check: green only when the record is served and matches with nothing to warn about;
    /// amber when DNS could not be asked (nothing is known) or a warning stands; red when the record is wrong or missing.</summary>
    public static FlashTone Tone(DnsCheckSummary check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Matches)
        {
            return check.Findings.Any(f => f.Severity == DkimFindingSeverity.Warning) ? FlashTone.Warning : FlashTone.Ok;
        }

        return !check.Published && check.Summary.StartsWith("not checked", StringComparison.Ordinal) ? FlashTone.Warning : FlashTone.Error;
    }

    /// <summary>The heading of a check's outcome: the check ran, so it never says "Done" or "Not done".</summary>
    public static string Heading(DnsCheckSummary check) => Tone(check) switch
    {
        FlashTone.Ok => "DNS check:",
        FlashTone.Warning => "DNS check, attention:",
        _ => "DNS check found a problem:",
    };

    public static string Algorithm(KeyEntry key) =>
        key.Algorithm == Signet.Dkim.DkimAlgorithm.Ed25519Sha256 ? "Ed25519" : $"RSA {key.Bits}";
}
