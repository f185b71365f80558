using Microsoft.AspNetCore.Http;
using Signet.Admin.Console.Rendering;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Keys;

/// <summary>A rotation step by step: publish this record → we see it → now signing with the new selector → old
/// record revoked. Each step says whether it is done, in words.</summary>
public static class RotationPanel
{
    public static Markup Render(HttpContext context, RotationEntry rotation, IReadOnlyList<KeyEntry> keys, string prefix)
    {
        var oldKey = keys.FirstOrDefault(k => k.Id == rotation.OldKeyId);
        var newKey = keys.FirstOrDefault(k => k.Id == rotation.NewKeyId);
        if (newKey is null)
        {
            return Markup.Empty;
        }

        string oldName = oldKey?.Selector ?? "the old key";
        bool seen = newKey.LastDnsCheck?.Matches == true || rotation.Step != RotationStep.WaitingForDns;
        bool switched = rotation.Step is RotationStep.Switched or RotationStep.OldRevoked;
        string revokeAt = Time((rotation.SwitchedAt ?? rotation.StartedAt) + rotation.RevokeOldAfter);
        var seenText = seen
            ? Of($"We see it: {newKey.RecordName} is published and holds the new key.")
            : Of($"Not seen yet. {newKey.LastDnsCheck?.Summary ?? "Publish the record, then check."} DNS changes can take a while to reach every server.");
        return Of($"""
            <section class="card rotation" id="rotation" aria-labelledby="rotation-heading">
            <h2 id="rotation-heading">Rotation from {oldName} to {newKey.Selector}</h2>
            <p>{rotation.Explanation}</p>
            <ol class="steps">
              <li class="{(seen ? "done" : "current")}"><strong>Publish this record.</strong> {Badge(seen ? "ok" : "warn", seen ? "Done" : "To do")} Keep the record of {oldName} as it is.
                {RecordBox.Render(newKey, "rotation-" + newKey.Selector)}</li>
              <li class="{(seen ? "done" : "waiting")}"><strong>We see it.</strong> {Badge(seen ? "ok" : "neutral", seen ? "Done" : "Waiting")} {seenText}
                {Html.If(!seen, ActionButton(context, prefix + "/rotations/advance", "Check DNS now", "primary"))}</li>
              <li class="{(switched ? "done" : "waiting")}"><strong>Now signing with {newKey.Selector}.</strong> {Badge(switched ? "ok" : "neutral", switched ? "Done" : "Waiting")}
                {(switched ? $"{oldName} no longer signs; its record stays published so mail already sent still verifies." : $"Signet switches as soon as it sees the record.")}</li>
              <li class="waiting"><strong>Old record revoked.</strong> {Badge("neutral", "Later")} {(switched ? $"On {revokeAt} the record of {oldName} becomes p= empty; then you may remove it." : "A while after the switch.")}</li>
            </ol>
            </section>
            """);
    }
}
