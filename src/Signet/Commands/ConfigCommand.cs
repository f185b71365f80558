using System.CommandLine;
using Signet.Cli;
using Signet.Serve;

namespace Signet.Commands;

/// <summary><c>signet config check FILE</c>: judges a configuration file the way <c>signet serve --config FILE</c>
/// does at start, without starting anything.</summary>
public sealed class ConfigCommand : CliCommand
{
    protected override CliCommandDefinition Define()
    {
        var definition = new CliCommandDefinition(
            "config",
            "check a configuration file for signet serve (signet config check FILE)",
            """
            Reads FILE as signet serve --config FILE would and makes the checks a start makes (every key known, every
            value usable), without opening the store or listening. Prints "FILE: ok", or one line naming the file,
            the line or setting, and what is wrong. The environment (SIGNET_...) is not taken into account: the file
            is judged alone.
            """)
        {
            Notes = "Exit statuses: 0 the file is usable; 2 it is not (or cannot be read).",
            Examples = ["signet config check /etc/signet/signet.conf"],
            UsageHint = "usage: signet config check FILE",
        };
        var check = new Command("check", "judge FILE as a start of signet serve would");
        check.Arguments.Add(new Argument<string>("file") { HelpName = "FILE", Arity = ArgumentArity.ExactlyOne });
        definition.Subcommands.Add(check);
        return definition;
    }

    public override async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        string path = arguments.Arguments[0];
        if (!ServeConfigFile.TryRead(path, out var settings, out string error))
        {
            console.Error.WriteLine("signet config: " + error);
            return ExitCodes.Usage;
        }

        var sources = new ServeSources(path, settings, new Dictionary<string, string?>(), Environment: false);
        if (await ServeHost.CheckFileAsync(sources).ConfigureAwait(false) is { } invalid)
        {
            console.Error.WriteLine("signet config: " + invalid);
            return ExitCodes.Usage;
        }

        console.WriteLine($"{path}: ok");
        return ExitCodes.Success;
    }
}
