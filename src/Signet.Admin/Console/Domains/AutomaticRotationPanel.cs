using Microsoft.AspNetCore.Http;
using Signet.Admin.Console.Rendering;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Domains;

/// <summary>The domain page's "Automatic rotation" card: the publisher, the next rotation, the current step, the last
/// failure with what to do, the buttons to rotate now and to pause or resume, the settings form, and the recent history
/// from the audit log. A failure is shown as one, never as a green step.</summary>
public static class AutomaticRotationPanel
{
    private const int HistoryLength = 10;

    public static async Task<Markup> RenderAsync(HttpContext context, ISignetStore store, Actor actor, string domain)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        var cancellationToken = context.RequestAborted;
        var status = await store.GetRotationStatusAsync(actor, domain, cancellationToken).ConfigureAwait(false);
        if (!status.TryGetValue(out var s, out var statusError))
        {
            return Of($"""<section class="card" id="automatic-rotation"><h2>Automatic rotation</h2><p>{Badge("warn", "Unavailable")} {statusError.Message}</p></section>""");
        }

        var form = await AutomaticRotationForm.RenderAsync(context, store, actor, domain, s.Settings).ConfigureAwait(false);
        if (s.Settings.Publisher is null || s.Settings.Interval is null)
        {
            return Of($"""
                <section class="card" id="automatic-rotation" aria-labelledby="automatic-rotation-heading">
                <h2 id="automatic-rotation-heading">Automatic rotation</h2>
                <p>{Badge("neutral", "Off")} Records are published by hand{(s.Settings.Publisher is { } p ? $" (publisher {p} chosen, no interval)" : string.Empty)}.
                Signet can publish them and rotate keys on its own: choose a publisher and an interval below, or
                <code>signet rotation set --domain {domain} --publisher NAME --every 90d</code>.</p>
                {form}
                </section>
                """);
        }

        var audit = await store.ListAuditAsync(actor, 500, cancellationToken).ConfigureAwait(false);
        var history = (audit.TryGetValue(out var entries, out _) ? entries : [])
            .Where(a => a.Target == domain && (a.Action.StartsWith("rotation.", StringComparison.Ordinal) || a.Action == "domain.rotation"))
            .Take(HistoryLength)
            .Select(a => Of($"<li><time>{Time(a.At)}</time> {(a.Action == "rotation.failed" ? Badge("error", "Failed") : Markup.Empty)} {a.Detail}</li>"));
        string next = s switch
        {
            { Settings.Paused: true } => "paused: the current key keeps signing",
            { RunNowRequested: true } => "requested: at the next round",
            { NextRotationAt: { } at } => Time(at),
            _ => "at the next round (no active key yet)",
        };
        return Of($"""
            <section class="card" id="automatic-rotation" aria-labelledby="automatic-rotation-heading">
            <h2 id="automatic-rotation-heading">Automatic rotation</h2>
            <dl>
              <dt>Publisher</dt><dd>{s.Settings.Publisher}</dd>
              <dt>Every</dt><dd>{DurationText.Describe(s.Settings.Interval.Value)}; old record kept {DurationText.Describe(s.Settings.Overlap)} after the switch</dd>
              <dt>Next rotation</dt><dd>{next}</dd>
              <dt>Current step</dt><dd>{s.Step}{(s.StepAt is { } stepAt ? $" ({Time(stepAt)})" : string.Empty)}</dd>
            </dl>
            {If(s.LastFailure is not null, Of($"""<p role="alert">{Badge("error", "Stopped")} {s.LastFailure}</p>"""))}
            {Controls(context, domain, s.Settings.Paused)}
            {form}
            <h3>History</h3>
            {(history.Any() ? Of($"<ol class=\"history\">{Join(history)}</ol>") : Of($"<p>No step yet.</p>"))}
            </section>
            """);
    }

    // Rotate now and pause/resume only mean something while the rotation is on; the store refuses them otherwise.
    private static Markup Controls(HttpContext context, string domain, bool paused)
    {
        string rotation = ConsoleRoutes.DomainRotation(domain);
        var pause = paused
            ? ActionButton(context, rotation + "/resume", "Resume", "secondary")
            : ActionButton(context, rotation + "/pause", "Pause", "secondary");
        return Of($"""<div class="actions">{ActionButton(context, rotation + "/run-now", "Rotate now", "primary")}{pause}</div>""");
    }
}
