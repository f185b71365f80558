namespace Signet.Cli;

/// <summary>One action of a command (<c>add</c> of <c>signet domain add</c>; the empty name for a command without
/// actions) with the options it accepts: the one definition the parser reads, and from which the operation table
/// and the shell completion scripts are generated.</summary>
public sealed record CliAction(string Name, IReadOnlyList<string> Valued, IReadOnlyList<string> Flags)
{
    /// <summary>The options after the action's name, parsed against this definition.</summary>
    public CliArguments Parse(IReadOnlyList<string> args) => CliArguments.Parse(args, Valued.ToHashSet(), Flags.ToHashSet());

    public bool Accepts(string option) => Valued.Contains(option) || Flags.Contains(option);
}
