using System.CommandLine;

namespace Signet.Cli;

/// <summary>One <c>signet</c> command as System.CommandLine defines it (its options, or its actions as subcommands
/// with theirs), plus what only a person reads: the one-line summary of the command list, the text after the
/// options, and the examples. <c>--help</c>, the completion scripts, the man page and the operation table are all
/// generated from it, so none can name an option the parser does not take.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1010", Justification = "Command is enumerable only for collection initializers; the generic IEnumerable is System.CommandLine's to offer.")]
public sealed class CliCommandDefinition : Command
{
    public CliCommandDefinition(string name, string summary, string description)
        : base(name, description)
    {
        Summary = summary;
    }

    /// <summary>One line for the command list of <c>signet --help</c>.</summary>
    public string Summary { get; }

    /// <summary>Paragraphs shown after the options (settings, exit statuses), or empty.</summary>
    public string Notes { get; init; } = string.Empty;

    /// <summary>Command lines shown under "Example" in <c>--help</c>.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>The heading of the options every action takes, for commands whose actions share options.</summary>
    public string SharedOptionsHeading { get; init; } = "Every action also takes:";

    /// <summary>What to say when the action is missing, unknown or its arguments unusable, instead of the generic
    /// sentence (for commands whose actions are few and fixed, such as <c>completion bash|zsh</c>).</summary>
    public string? UsageHint { get; init; }

    /// <summary>Adds each option, in the order help shows them.</summary>
    public CliCommandDefinition With(params Option[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var option in options)
        {
            Options.Add(option);
        }

        return this;
    }

    /// <summary>Adds an action: a subcommand with its own options.</summary>
    public CliCommandDefinition WithAction(string name, string description, params Option[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var action = new Command(name, description);
        foreach (var option in options)
        {
            action.Options.Add(option);
        }

        Subcommands.Add(action);
        return this;
    }
}
