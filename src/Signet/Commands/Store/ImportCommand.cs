using System.CommandLine;
using Signet.Cli;
using Signet.Dkim;
using Signet.Store.Import;

namespace Signet.Commands.Store;

/// <summary><c>signet import opendkim</c>: brings an OpenDKIM KeyTable and SigningTable into the store.</summary>
public sealed class ImportCommand : StoreCommand
{
    public override string Name => "import";

    public override string Summary => "import an OpenDKIM set-up (KeyTable, SigningTable and key files)";

    protected override string Description => """
        Every KeyTable entry (name domain:selector:/path/to/key) becomes an active key of its domain (the domain
        is added when needed): OpenDKIM already signs with it, so its record is published. The SigningTable is
        checked for mappings Signet cannot express. Prints what was taken and, for every line that was not,
        the file, the line and why. Exits 1 when anything was left behind.
        """;

    protected override IReadOnlyList<string> Examples { get; } =
    [
        "signet import opendkim --keytable /etc/opendkim/KeyTable --signingtable /etc/opendkim/SigningTable",
    ];

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["opendkim"] = new("take over OpenDKIM's keys", [
            CliOptions.Value("keytable", "FILE", "OpenDKIM's KeyTable", required: true),
            CliOptions.Value("signingtable", "FILE", "OpenDKIM's SigningTable, checked for mappings Signet cannot express")], OpenDkimAsync),
    };

    private static async Task<int> OpenDkimAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var importer = new OpenDkimImporter(context.Store);
        var report = StoreCommandContext.Ok(await importer.ImportAsync(
            StoreCommandContext.Actor, context.Options.Require("keytable"), context.Options.Get("signingtable"), cancellationToken).ConfigureAwait(false));
        foreach (string domain in report.DomainsAdded)
        {
            context.Console.WriteLine($"added domain {domain}");
        }

        foreach (var key in report.KeysImported)
        {
            context.Console.WriteLine($"imported {key.RecordName} ({key.Algorithm.ToTagValue()} {key.Bits}, {key.State.ToString().ToLowerInvariant()})");
        }

        foreach (var skipped in report.Skipped)
        {
            context.Console.WriteLine($"not imported: {skipped.File}:{skipped.Line}: {skipped.Text}: {skipped.Reason}");
        }

        context.Console.WriteLine($"{report.KeysImported.Count} keys imported, {report.DomainsAdded.Count} domains added, {report.Skipped.Count} lines not imported");
        return report.Skipped.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
