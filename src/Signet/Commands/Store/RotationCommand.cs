using System.CommandLine;
using Signet.Admin.Api.Rotation;
using Signet.Cli;
using Signet.Store.Model;

namespace Signet.Commands.Store;

/// <summary><c>signet rotation set|status|run-now|pause|resume</c>: a domain's hands-off key rotation.</summary>
public sealed class RotationCommand : StoreCommand
{
    public override string Name => "rotation";

    public override string Summary => "set, show, start now or pause a domain's automatic key rotation";

    protected override string Description => """
        signet serve drives the rotation: generate → publish → wait until every authoritative server serves the
        record → sign with the new key → after the overlap publish the old record revoked (p=) → remove it →
        destroy the old private key. See docs/rotation.md.
        """;

    protected override IReadOnlyList<string> Examples { get; } =
    [
        "signet rotation set --domain example.com --publisher knot --every 90d --keys both",
        "signet rotation status --domain example.com",
    ];

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["set"] = new("choose how the domain's records are published and its keys rotated", [
            Domain(),
            CliOptions.Value("publisher", "NAME|none", "the publisher that writes the records (signet publisher add); none = by hand"),
            CliOptions.Value("every", "DURATION|off", "rotate this often (90d); off = never"),
            CliOptions.Choice("keys", "the keys made (RSA 2048 by default)", "rsa", "ed25519", "both"),
            CliOptions.Choice("selectors", "selectors like s202612 (date) or s1, s2… (counter)", "date", "counter"),
            CliOptions.Value("overlap", "DURATION", "how long the old record stays after the new key signs (7d by default: receivers verify late)"),
            CliOptions.Value("revoked-for", "DURATION", "how long the revoked record stays before removal (7d)")], SetAsync),
        ["status"] = new("the settings, the current step, the next rotation and the last failure", [Domain()], StatusAsync, Lists: true),
        ["run-now"] = new("rotate at the next round of signet serve, whatever the interval", [Domain()], RunNowAsync),
        ["pause"] = new("take no step until resumed; the current key keeps signing", [Domain()], (c, t) => PauseAsync(c, true, t)),
        ["resume"] = new("take steps again", [Domain()], (c, t) => PauseAsync(c, false, t)),
    };

    private static Option<string> Domain() => CliOptions.Value("domain", "DOMAIN", "the domain", required: true);

    private static async Task<int> SetAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        string domain = context.Options.Require("domain");
        var current = StoreCommandContext.Ok(await context.Store.GetRotationSettingsAsync(StoreCommandContext.Actor, domain, cancellationToken).ConfigureAwait(false));
        var options = context.Options;
        var settings = current with
        {
            Publisher = options.Get("publisher") is { } publisher ? (publisher == "none" ? null : publisher) : current.Publisher,
            Interval = options.Get("every") is { } every ? (every == "off" ? null : Durations.ParseDuration(every, "--every")) : current.Interval,
            KeyKinds = options.Get("keys") switch
            {
                null => current.KeyKinds,
                "rsa" => RotationKeyKinds.Rsa2048,
                "ed25519" => RotationKeyKinds.Ed25519,
                "both" => RotationKeyKinds.Both,
                { } other => throw new CliUsageException($"--keys {other}: expected rsa, ed25519 or both"),
            },
            SelectorScheme = options.Get("selectors") switch
            {
                null => current.SelectorScheme,
                "date" => SelectorScheme.Date,
                "counter" => SelectorScheme.Counter,
                { } other => throw new CliUsageException($"--selectors {other}: expected date or counter"),
            },
            Overlap = options.Get("overlap") is { } overlap ? Durations.ParseDuration(overlap, "--overlap") : current.Overlap,
            RevokedRecordLifetime = options.Get("revoked-for") is { } revoked ? Durations.ParseDuration(revoked, "--revoked-for") : current.RevokedRecordLifetime,
        };
        var saved = StoreCommandContext.Ok(await context.Store.SetRotationSettingsAsync(StoreCommandContext.Actor, domain, settings, cancellationToken)
            .ConfigureAwait(false));
        context.Console.WriteLine(Describe(domain, saved));
        return ExitCodes.Success;
    }

    private static async Task<int> StatusAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var status = StoreCommandContext.Ok(await context.Store.GetRotationStatusAsync(StoreCommandContext.Actor, context.Options.Require("domain"), cancellationToken)
            .ConfigureAwait(false));
        if (context.Json)
        {
            return context.WriteJson(AutomaticRotationView.From(status));
        }

        context.Console.WriteLine(Describe(status.Domain, status.Settings));
        context.Console.WriteLine($"step\t{status.Step}{(status.StepAt is { } at ? $" (at {at:u})" : string.Empty)}");
        context.Console.WriteLine($"next rotation\t{NextRotation(status)}");
        if (status.LastFailure is { } failure)
        {
            context.Console.WriteLine($"failed\t{failure} ({status.Attempts} {(status.Attempts == 1 ? "try" : "tries")})");
        }

        return ExitCodes.Success;
    }

    private static async Task<int> RunNowAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var status = StoreCommandContext.Ok(await context.Store.RequestRotationNowAsync(StoreCommandContext.Actor, context.Options.Require("domain"), cancellationToken)
            .ConfigureAwait(false));
        context.Console.WriteLine($"{status.Domain}: rotation requested; signet serve starts it at its next round");
        return ExitCodes.Success;
    }

    private static async Task<int> PauseAsync(StoreCommandContext context, bool paused, CancellationToken cancellationToken)
    {
        var status = StoreCommandContext.Ok(await context.Store.PauseRotationAsync(StoreCommandContext.Actor, context.Options.Require("domain"), paused, cancellationToken)
            .ConfigureAwait(false));
        context.Console.WriteLine(paused
            ? $"{status.Domain}: rotation paused; the current key keeps signing (signet rotation resume --domain {status.Domain} to go on)"
            : $"{status.Domain}: rotation resumed");
        return ExitCodes.Success;
    }

    private static string NextRotation(AutomaticRotationStatus status) => status switch
    {
        { Settings.Interval: null } or { Settings.Publisher: null } => "off",
        { Settings.Paused: true } => "paused",
        { RunNowRequested: true } => "requested now",
        { NextRotationAt: { } next } => $"{next:u}",
        _ => "at the next round (no active key yet)",
    };

    private static string Describe(string domain, DomainRotationSettings settings) =>
        $"{domain}\tpublisher {settings.Publisher ?? "none (by hand)"}\trotation {(settings.Interval is { } every ? $"every {Days(every)}" : "off")}" +
        $"\tkeys {settings.KeyKinds}\tselectors {settings.SelectorScheme.ToString().ToLowerInvariant()}\toverlap {Days(settings.Overlap)}" +
        $"\trevoked record kept {Days(settings.RevokedRecordLifetime)}{(settings.Paused ? "\tpaused" : string.Empty)}";

    private static string Days(TimeSpan span) => span.Ticks % TimeSpan.TicksPerDay == 0 ? $"{span.TotalDays:0}d" : span.ToString();
}
