using Signet.Admin.Console.Rendering;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Domains;

/// <summary>The domain page's "Automatic rotation" card: the publisher, the next rotation, the current step, the last
/// failure with what to do, and the recent history from the audit log. A failure is shown as one, never as a green step.</summary>
public static class AutomaticRotationPanel
{
    private const int HistoryLength = 10;

    public static async Task<Markup> RenderAsync(ISignetStore store, Actor actor, string domain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var status = await store.GetRotationStatusAsync(actor, domain, cancellationToken).ConfigureAwait(false);
        if (!status.Succeeded)
        {
            return Of($"""<section class="card" id="automatic-rotation"><h2>Automatic rotation</h2><p>{Badge("warn", "Unavailable")} {status.Error!.Message}</p></section>""");
        }

        var s = status.Value!;
        if (s.Settings.Publisher is null || s.Settings.Interval is null)
        {
            return Of($"""
                <section class="card" id="automatic-rotation" aria-labelledby="automatic-rotation-heading">
                <h2 id="automatic-rotation-heading">Automatic rotation</h2>
                <p>{Badge("neutral", "Off")} Records are published by hand{(s.Settings.Publisher is { } p ? $" (publisher {p} chosen, no interval)" : string.Empty)}.
                Signet can publish them and rotate keys on its own: <code>signet rotation set --domain {domain} --publisher NAME --every 90d</code>.</p>
                </section>
                """);
        }

        var audit = await store.ListAuditAsync(actor, 500, cancellationToken).ConfigureAwait(false);
        var history = (audit.Value ?? [])
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
              <dt>Every</dt><dd>{s.Settings.Interval.Value.TotalDays:0.##} days; old record kept {s.Settings.Overlap.TotalDays:0.##} days after the switch</dd>
              <dt>Next rotation</dt><dd>{next}</dd>
              <dt>Current step</dt><dd>{s.Step}{(s.StepAt is { } stepAt ? $" ({Time(stepAt)})" : string.Empty)}</dd>
            </dl>
            {If(s.LastFailure is not null, Of($"""<p role="alert">{Badge("error", "Stopped")} {s.LastFailure}</p>"""))}
            <h3>History</h3>
            {(history.Any() ? Of($"<ol class=\"history\">{Join(history)}</ol>") : Of($"<p>No step yet.</p>"))}
            </section>
            """);
    }
}
