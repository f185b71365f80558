using System.CommandLine;
using Signet.Admin.Api.ServerKey;
using Signet.Cli;
using Signet.Store.Model;

namespace Signet.Commands.Store;

/// <summary><c>signet server show|set</c>: the host name server-wide signatures use as d=, and the switch that turns
/// server-wide signing on or off. Generating and activating a server-wide key does not turn it on: signatures that are
/// not aligned with the From domain are sent only when an admin chose them.</summary>
public sealed class ServerCommand : StoreCommand
{
    public override string Name => "server";

    public override string Summary => "show or change the host name and turn server-wide signing on or off";

    protected override string Description => """
        Server-wide signatures (d= the host name) sign mail of domains without an active key of their own. They are
        NOT aligned with the From domain, so DMARC never passes on them: give each domain its own key instead where
        you can. Server-wide signing stays off until it is turned on here (or in the console, or the API), even
        when a server-wide key is active.
        """;

    protected override IReadOnlyList<string> Examples { get; } =
    [
        "signet key generate --server --selector s1 && signet key activate --server --selector s1",
        "signet server set --signing on",
    ];

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["show"] = new("the host name and whether server-wide signing is on", [], ShowAsync, Lists: true),
        ["set"] = new("change the host name (d= of server-wide signatures), or turn server-wide signing on or off", [
            CliOptions.Value("host-name", "H", "the host name, d= of server-wide signatures"),
            CliOptions.Choice("signing", "whether server-wide signing is on", "on", "off")], SetAsync),
    };

    private static async Task<int> ShowAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var settings = StoreCommandContext.Ok(await context.Store.GetServerSettingsAsync(StoreCommandContext.Actor, cancellationToken).ConfigureAwait(false));
        if (context.Json)
        {
            return context.WriteJson(ServerSettingsView.From(settings));
        }

        Print(context, settings);
        return ExitCodes.Success;
    }

    private static async Task<int> SetAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        bool? signing = context.Options.Get("signing") switch
        {
            null => null,
            "on" => true,
            "off" => false,
            { } other => throw new CliUsageException($"--signing {other}: expected on or off"),
        };
        string? hostName = context.Options.Get("host-name");
        if (signing is null && hostName is null)
        {
            throw new CliUsageException("nothing to change: give --host-name H or --signing on|off");
        }

        var settings = StoreCommandContext.Ok(await context.Store.UpdateServerSettingsAsync(StoreCommandContext.Actor, hostName, signing, cancellationToken)
            .ConfigureAwait(false));
        Print(context, settings);
        return ExitCodes.Success;
    }

    private static void Print(StoreCommandContext context, ServerSettings settings)
    {
        context.Console.WriteLine($"host name\t{settings.HostName}");
        context.Console.WriteLine($"server-wide signing\t{(settings.ServerSigningEnabled ? "on" : "off")}");
        if (settings.ServerSigningEnabled)
        {
            context.Note($"{context.CommandLine}: server-wide signatures carry d={settings.HostName} and are not aligned with the From domain: DMARC does not pass on them");
        }
    }
}
