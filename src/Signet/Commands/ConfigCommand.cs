using System.CommandLine;
using Microsoft.Extensions.Configuration;
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
            is judged alone. A shared mail setting in its old place ([Milter] AuthservId, [Relay] InternalNetworks…:
            [Mail] now), in the file or in the SIGNET_ environment of this shell, is still read: a line on stderr
            names each one with its new spelling, and the check still passes.
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
            console.Error.WriteLine("signet config: " + TerminalText.Printable(error));
            return ExitCodes.Usage;
        }

        var sources = new ServeSources(path, settings, new Dictionary<string, string?>(), Environment: false);
        foreach (var old in OldSpellings(sources))
        {
            console.Error.WriteLine("signet config: " + TerminalText.Printable(old.ToString()));
        }

        if (await ServeHost.CheckFileAsync(sources).ConfigureAwait(false) is { } invalid)
        {
            console.Error.WriteLine("signet config: " + TerminalText.Printable(invalid));
            return ExitCodes.Usage;
        }

        console.WriteLine($"{path}: ok");
        return ExitCodes.Success;
    }

    /// <summary>The old spellings in the file, and in the environment serve would read beside it: the file is judged
    /// alone, but an administrator checking it is the one to tell about either.</summary>
    private static IReadOnlyList<OldMailSetting> OldSpellings(ServeSources sources)
    {
        var configuration = new ConfigurationBuilder();
        ServeConfiguration.AddSources(configuration, AppContext.BaseDirectory, sources with { Environment = true });
        return MailSettingAliases.FindOldSpellings(sources, configuration.Build());
    }
}
