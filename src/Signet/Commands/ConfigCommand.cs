using Signet.Cli;
using Signet.Serve;

namespace Signet.Commands;

/// <summary><c>signet config check FILE</c>: judges a configuration file the way <c>signet serve --config FILE</c>
/// does at start, without starting anything.</summary>
public sealed class ConfigCommand : ICliCommand
{
    public string Name => "config";

    /// <summary>check takes the file as its one argument, no options.</summary>
    public IReadOnlyList<CliAction> Actions { get; } = [new("check", [], [])];

    public string Summary => "check a configuration file for signet serve (signet config check FILE)";

    public string Help => """
        Usage: signet config check FILE

        Reads FILE as signet serve --config FILE would and makes the checks a start makes (every key known, every
        value usable), without opening the store or listening. Prints "FILE: ok", or one line naming the file,
        the line or setting, and what is wrong. The environment (SIGNET_...) is not taken into account: the file
        is judged alone.

        Exit statuses: 0 the file is usable; 2 it is not (or cannot be read).

        Example:
          signet config check /etc/signet/signet.conf
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Count != 2 || args[0] != "check")
        {
            throw new CliUsageException("usage: signet config check FILE");
        }

        string path = args[1];
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
