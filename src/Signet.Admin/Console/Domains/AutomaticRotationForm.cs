using Microsoft.AspNetCore.Http;
using Signet.Admin.Api.Rotation;
using Signet.Admin.Console.Rendering;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Domains;

/// <summary>The settings form of the "Automatic rotation" card: the publisher (those the user may choose, or by hand),
/// the interval in days (empty is off), the key kinds, the selector scheme, the overlap and how long the revoked record
/// stays. Posted to <c>/domains/{domain}/dkim/rotation</c> (<see cref="AutomaticRotationActions"/>).</summary>
public static class AutomaticRotationForm
{
    /// <summary>The key kinds offered, RSA 2048 first: every receiver verifies it (RFC 8301); Ed25519 (RFC 8463) is not
    /// yet verified everywhere, which is why "both" exists.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> KeyKindChoices =
    [
        ("rsa2048", "RSA 2048 (recommended: every receiver checks it)"),
        ("ed25519", "Ed25519 (RFC 8463; not every receiver checks it yet)"),
        ("both", "Both: RSA 2048 and Ed25519, each under its own selector"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> SelectorSchemeChoices =
    [
        ("date", "By date: s202612 (with r and e when both kinds are made)"),
        ("counter", "By counter: s1, s2, … one more than the highest used"),
    ];

    public static async Task<Markup> RenderAsync(HttpContext context, IPublisherStore store, Actor actor, string domain, DomainRotationSettings current)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(current);
        var listed = await store.ListPublishersAsync(actor, context.RequestAborted).ConfigureAwait(false);
        if (!listed.TryGetValue(out var items, out var error))
        {
            return Of($"""<p role="alert">{Badge("warn", "Unavailable")} The publishers cannot be listed, so the settings cannot be changed here now: {error.Message}.</p>""");
        }

        var names = items.Select(p => (p.Name, Label: $"{p.Name} (zone {p.Zone})")).ToList();
        if (current.Publisher is { } chosen && !names.Any(n => n.Name == chosen))
        {
            names.Insert(0, (chosen, chosen));
        }

        var publishers = Join(names.Select(n => Option(n.Name, n.Label, n.Name == current.Publisher)));
        var fields = Of($"""
            <div class="field"><label for="rotation-publisher">Publisher</label>
            <span class="hint" id="rotation-publisher-hint">Where Signet writes the records (DNS UPDATE). Server admins add publishers under DNS publishers.</span>
            <select id="rotation-publisher" name="publisher" aria-describedby="rotation-publisher-hint">{Option("", "By hand: you publish the records Signet shows", current.Publisher is null)}{publishers}</select></div>
            {TextField("interval", "Rotate every (days)", current.Interval is { } i ? Days(i) : string.Empty, required: false, id: "rotation-interval",
                hint: "Empty: off. M3AAWG recommends rotating at least every six months; 90 days is common.")}
            <div class="field"><label for="rotation-keys">Keys</label><select id="rotation-keys" name="keyKinds">{Choices(KeyKindChoices, RotationNames.Name(current.KeyKinds))}</select></div>
            <div class="field"><label for="rotation-selectors">Selectors</label><select id="rotation-selectors" name="selectorScheme">{Choices(SelectorSchemeChoices, RotationNames.Name(current.SelectorScheme))}</select></div>
            {TextField("overlap", "Keep the old record after the switch (days)", Days(current.Overlap), id: "rotation-overlap",
                hint: "Receivers may verify mail days after it was sent (queues, forwards), so the old record must stay. 7 by default.")}
            {TextField("revokedFor", "Keep the revoked record (days)", Days(current.RevokedRecordLifetime), id: "rotation-revoked",
                hint: "The empty record (p=, RFC 6376 §3.6.1) tells caches the old key is revoked rather than missing. 7 by default.")}
            <button type="submit" class="button secondary">Save the rotation settings</button>
            """);
        return Of($"""<h3 id="rotation-settings-heading">Settings</h3>{Form(context, ConsoleRoutes.DomainRotation(domain), fields, "stack")}""");
    }

    /// <summary>A duration in days as the form shows it and reads it back: whole days without decimals.</summary>
    public static string Days(TimeSpan span) => span.TotalDays.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static Markup Choices(IReadOnlyList<(string Value, string Label)> choices, string selected) =>
        Join(choices.Select(c => Option(c.Value, c.Label, c.Value == selected)));

    private static Markup Option(string value, string label, bool selected) =>
        Of($"""<option value="{value}"{(selected ? Of($" selected") : Markup.Empty)}>{label}</option>""");
}
