namespace Signet.Cli;

/// <summary>One <c>signet</c> subcommand.</summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The full <c>--help</c> text, with an example.</summary>
    string Help { get; }

    /// <summary>The actions and the options each accepts, as the parser reads them (one action named "" for a
    /// command without actions).</summary>
    IReadOnlyList<CliAction> Actions { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken);
}
