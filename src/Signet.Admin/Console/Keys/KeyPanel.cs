using Microsoft.AspNetCore.Http;
using Signet.Admin.Console.Rendering;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Keys;

/// <summary>The key workflow, the same for the server-wide key and a domain's keys: rotation in progress, the keys
/// with what to publish and their lifecycle actions, then generating or importing a key.</summary>
public static class KeyPanel
{
    public static async Task<Markup> RenderAsync(HttpContext context, IKeyStore store, Actor actor, KeyOwner owner, string prefix)
    {
        var listedKeys = await store.ListKeysAsync(actor, owner, context.RequestAborted);
        var listedRotations = await store.ListRotationsAsync(actor, owner, context.RequestAborted);
        if (!listedKeys.TryGetValue(out var keys, out var failure) || !listedRotations.TryGetValue(out var rotations, out failure))
        {
            // Never "No key yet" when the keys could not be read: that would invite generating a second one.
            return Of($"""<section aria-labelledby="keys-heading"><h2 id="keys-heading">Keys</h2><p class="flash bad" role="alert">The keys cannot be shown: the store did not answer ({failure.Message}). Try again in a moment.</p></section>""");
        }

        var current = rotations.Where(r => r.Step is RotationStep.WaitingForDns or RotationStep.Switched).ToList();
        var keyCards = keys.Count == 0
            ? Of($"<p>No key yet. Generate one below (RSA 2048 works with every receiver), or import one made elsewhere.</p>")
            : Join(keys.Select(k => KeyCard(context, k, prefix, keys)));
        return Of($"""
            {Join(current.Select(r => RotationPanel.Render(context, r, keys, prefix)))}
            <section aria-labelledby="keys-heading">
            <h2 id="keys-heading">Keys</h2>
            {keyCards}
            </section>
            {KeyForms.Render(context, prefix, SuggestSelector(keys))}
            """);
    }

    /// <summary>s1, or the first sN not used yet.</summary>
    public static string SuggestSelector(IReadOnlyList<KeyEntry> keys)
    {
        var used = keys.Select(k => k.Selector).ToHashSet(StringComparer.OrdinalIgnoreCase);
        int n = 1;
        while (used.Contains("s" + n))
        {
            n++;
        }

        return "s" + n;
    }

    private static Markup KeyCard(HttpContext context, KeyEntry key, string prefix, IReadOnlyList<KeyEntry> keys)
    {
        string id = "key-" + key.Selector;
        string origin = key.Origin.StartsWith("imported", StringComparison.OrdinalIgnoreCase) ? "imported" : "generated";
        var forced = key.ActivationForced ? Of($"""<p class="hint">Activated without a matching DNS record, on an admin's order.</p>""") : Markup.Empty;
        return Of($"""
            <article class="card key" id="{id}" aria-labelledby="{id}-title">
            <header class="key-head"><h3 id="{id}-title">Selector {key.Selector}</h3>{KeyStatus.State(key.State)}</header>
            <p class="meta">{KeyStatus.Algorithm(key)} · {origin} {Time(key.CreatedAt)} · signs as d={key.Domain}</p>
            {forced}
            {RecordBox.Render(key, id)}
            {KeyStatus.Dns(key.LastDnsCheck)}
            <div class="actions">{Actions(context, key, $"{prefix}/keys/{key.Id}", keys)}</div>
            </article>
            """);
    }

    // Activation waits for DNS; when the record is known to be missing or wrong, an admin may still insist.
    private static Markup ForceActivate(KeyEntry key, string action) =>
        key.LastDnsCheck is { Matches: false }
            ? LinkButton(action + "/activate", "Activate anyway…", "danger")
            : Markup.Empty;

    private static Markup Actions(HttpContext context, KeyEntry key, string action, IReadOnlyList<KeyEntry> keys)
    {
        var check = ActionButton(context, action + "/check", "Check DNS now");
        return key.State switch
        {
            KeyState.Pending => Of($"""{check}{ActionButton(context, action + "/activate", "Activate (start signing)", "primary")}{ForceActivate(key, action)}{LinkButton(action + "/delete", "Delete…", "danger")}"""),
            KeyState.Active when key.RotationId is null => Of($"""
                {check}
                {Form(context, action + "/rotate", Of($"""<label for="{key.Selector}-next">New selector</label><input id="{key.Selector}-next" name="selector" value="{SuggestSelector(keys)}" required size="8"><button type="submit" class="button primary">Rotate to a new key</button>"""), "inline rotate")}
                {ActionButton(context, action + "/retire", "Retire (stop signing)")}
                """),
            KeyState.Active => check,
            KeyState.Retiring => Of($"""{check}{LinkButton(action + "/revoke", "Revoke (publish p= empty)…", "danger")}"""),
            KeyState.Revoked => Of($"""{check}{LinkButton(action + "/delete", "Delete (destroys the private key)…", "danger")}"""),
            _ => Markup.Empty,
        };
    }
}
