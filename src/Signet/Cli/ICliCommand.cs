namespace Signet.Cli;

/// <summary>One <c>signet</c> subcommand.</summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The command as the parser reads it: options, actions, descriptions and examples.</summary>
    CliCommandDefinition Definition { get; }

    /// <summary>The actions and the options each accepts, read from <see cref="Definition"/> (one action named "" for
    /// a command without actions).</summary>
    IReadOnlyList<CliAction> Actions { get; }

    /// <summary>Runs the command on arguments the parser has already accepted.</summary>
    Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken);
}
