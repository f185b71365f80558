using System.CommandLine;
using System.CommandLine.Completions;

namespace Signet.Cli;

/// <summary>One action of a command (<c>add</c> of <c>signet domain add</c>; the empty name for a command without
/// actions) with the options it accepts, read from the System.CommandLine definition: the view the operation table
/// and the shell completion scripts take of it.</summary>
public sealed record CliAction(string Name, IReadOnlyList<string> Valued, IReadOnlyList<string> Flags)
{
    /// <summary>The values offered after an option that takes one of a fixed set (<c>--signing</c>: on, off).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Choices { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public bool Accepts(string option) => Valued.Contains(option) || Flags.Contains(option);

    /// <summary>The actions of <paramref name="command"/>: its subcommands, or the command itself when it has none.</summary>
    public static IReadOnlyList<CliAction> Of(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Subcommands.Count == 0
            ? [From(string.Empty, command)]
            : command.Subcommands.Select(s => From(s.Name, s)).ToList();
    }

    private static CliAction From(string name, Command command) => new(
        name,
        command.Options.Where(CliOptions.TakesValue).Select(CliOptions.BareName).ToList(),
        command.Options.Where(o => !CliOptions.TakesValue(o)).Select(CliOptions.BareName).ToList())
    {
        Choices = command.Options.Where(CliOptions.TakesValue)
            .Select(o => (Name: CliOptions.BareName(o), Values: o.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList()))
            .Where(o => o.Values.Count > 0)
            .ToDictionary(o => o.Name, o => (IReadOnlyList<string>)o.Values),
    };
}
