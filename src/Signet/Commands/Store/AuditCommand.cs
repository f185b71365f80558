using System.CommandLine;
using System.Globalization;
using Signet.Cli;
using Signet.Store.Model;

namespace Signet.Commands.Store;

/// <summary><c>signet audit list</c>: who did what, newest first, as the console's audit page and <c>GET /api/audit</c> show it.</summary>
public sealed class AuditCommand : StoreCommand
{
    /// <summary>The most entries one listing returns, as the API allows: the log is read whole into memory.</summary>
    public const int MaximumLimit = 1000;

    public override string Name => "audit";

    public override string Summary => "list the audit log: who did what, newest first";

    protected override string Description => """
        Every change made through the console, the API or these commands, and every refused sign-in, newest first.
        """;

    protected override IReadOnlyList<string> Examples { get; } =
    [
        "signet audit list --limit 20",
    ];

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["list"] = new("the newest entries: time, actor, action, target, detail, and how many times a repeated failure happened", [
            CliOptions.Value("limit", "N", $"how many entries (1 to {MaximumLimit}, default 100)")], ListAsync, Lists: true),
    };

    /// <summary>The --limit of a listing, 1 to <see cref="MaximumLimit"/>, 100 when absent.</summary>
    public static int LimitOf(CliArguments options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? text = options.Get("limit");
        if (text is null)
        {
            return 100;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int limit) && limit is >= 1 and <= MaximumLimit
            ? limit
            : throw new CliUsageException($"--limit {text}: expected a whole number from 1 to {MaximumLimit}");
    }

    private static async Task<int> ListAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        int limit = LimitOf(context.Options);
        var entries = StoreCommandContext.Ok(await context.Store.ListAuditAsync(StoreCommandContext.Actor, limit, cancellationToken).ConfigureAwait(false));
        if (context.Json)
        {
            return context.WriteJson(entries);
        }

        foreach (var entry in entries)
        {
            context.Console.WriteLine(Line(entry));
        }

        return ExitCodes.Success;
    }

    private static string Line(AuditEntry entry) =>
        $"{entry.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\t{TerminalText.Printable(entry.Actor)}\t{entry.Action}\t" +
        $"{TerminalText.Printable(entry.Target)}\t{(entry.Detail.Length == 0 ? "-" : TerminalText.Printable(entry.Detail))}{(entry.Count > 1 ? $"\t×{entry.Count}" : "")}";
}
