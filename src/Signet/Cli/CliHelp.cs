using System.CommandLine;
using System.Text;

namespace Signet.Cli;

/// <summary>Writes a command's <c>--help</c> from its definition: the usage line and every option come from the
/// options the parser accepts, so help cannot name one it refuses or leave out one it takes.</summary>
public static class CliHelp
{
    private const int Width = 112;
    private const int LabelColumn = 30;

    /// <summary>Joins an option to its value in the usage line while it is wrapped, so "[--resolver HOST]" stays whole.</summary>
    private const char Glue = '\u00A0';

    public static string Render(CliCommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = new StringBuilder();
        var actions = command.Subcommands;
        var shared = actions.Count > 1
            ? actions[0].Options.Where(o => actions.All(a => a.Options.Any(other => other.Name == o.Name))).Select(o => o.Name).ToHashSet()
            : [];
        string prefix = $"Usage: signet {command.Name} ";
        string usage = actions.Count switch
        {
            0 => Synopsis(command, shared),
            1 => actions[0].Name + " " + Synopsis(actions[0], shared),
            _ => string.Join('|', actions.Select(a => a.Name)) + (actions.Any(a => a.Options.Count > 0) ? " [OPTIONS]" : string.Empty),
        };
        Append(text, prefix + usage.TrimEnd(), new string(' ', prefix.Length));
        AppendParagraphs(text, command.Description);

        if (actions.Count > 1)
        {
            text.Append("\nActions:\n");
            foreach (var action in actions)
            {
                Append(text, $"  {action.Name} {Synopsis(action, shared)}".TrimEnd(), "      ");
                Append(text, "      " + action.Description, "      ");
            }
        }

        var all = actions.Count == 0 ? command.Options.ToList() : actions.SelectMany(a => a.Options).ToList();
        var own = all.Where(o => !shared.Contains(o.Name)).DistinctBy(o => o.Name).ToList();
        if (own.Count > 0)
        {
            text.Append("\nOptions:\n");
            AppendOptions(text, own);
        }

        if (shared.Count > 0)
        {
            text.Append('\n').Append(command.SharedOptionsHeading).Append('\n');
            AppendOptions(text, actions[0].Options.Where(o => shared.Contains(o.Name)).ToList());
        }

        AppendParagraphs(text, command.Notes);

        text.Append(command.Examples.Count == 1 ? "\nExample:\n" : "\nExamples:\n");
        foreach (string example in command.Examples)
        {
            text.Append("  ").Append(example).Append('\n');
        }

        return text.ToString().Replace(Glue, ' ').TrimEnd('\n');
    }

    /// <summary>"--out FILE [--force] [--domain D ...]": required options bare, the others in brackets, in definition order.</summary>
    private static string Synopsis(Command action, IReadOnlySet<string> leaveOut)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(leaveOut);
        var words = action.Arguments.Select(a => a.HelpName ?? a.Name.ToUpperInvariant())
            .Concat(action.Options.Where(o => !leaveOut.Contains(o.Name)).Select(o =>
            {
                string label = (Label(o) + (o.Arity.MaximumNumberOfValues > 1 ? " ..." : string.Empty)).Replace(' ', Glue);
                return o.Required ? label : $"[{label}]";
            }));
        return string.Join(' ', words);
    }

    private static string Label(Option option) =>
        CliOptions.TakesValue(option) ? $"{option.Name} {option.HelpName ?? "VALUE"}" : option.Name;

    private static void AppendOptions(StringBuilder text, IReadOnlyList<Option> options)
    {
        foreach (var option in options)
        {
            string label = "  " + Label(option);
            string description = (option.Description ?? string.Empty) + (option.Arity.MaximumNumberOfValues > 1 ? " (repeatable)" : string.Empty);
            string indent = new(' ', LabelColumn);
            // A description may break its own lines where a phrase must stay whole; each line is wrapped alone.
            string[] lines = description.Split('\n');
            if (label.Length + 2 > LabelColumn)
            {
                text.Append(label).Append('\n');
                Append(text, indent + lines[0], indent);
            }
            else
            {
                Append(text, label.PadRight(LabelColumn) + lines[0], indent);
            }

            foreach (string line in lines.Skip(1))
            {
                Append(text, indent + line, indent);
            }
        }
    }

    private static void AppendParagraphs(StringBuilder text, string? paragraphs)
    {
        if (string.IsNullOrEmpty(paragraphs))
        {
            return;
        }

        text.Append('\n');
        foreach (string line in paragraphs.Split('\n'))
        {
            if (line.Length == 0)
            {
                text.Append('\n');
                continue;
            }

            string indent = new(' ', line.Length - line.TrimStart(' ').Length);
            Append(text, line, indent);
        }
    }

    /// <summary>Appends <paramref name="line"/> wrapped at the width, continuation lines indented.</summary>
    private static void Append(StringBuilder text, string line, string indent)
    {
        int lead = line.Length - line.TrimStart(' ').Length;
        var current = new StringBuilder(line[..lead]);
        bool empty = true;
        foreach (string word in line[lead..].Split(' '))
        {
            if (!empty && current.Length + 1 + word.Length > Width)
            {
                text.Append(current.ToString().TrimEnd()).Append('\n');
                current.Clear().Append(indent).Append(word);
            }
            else
            {
                current.Append(empty ? string.Empty : " ").Append(word);
            }

            empty = false;
        }

        text.Append(current.ToString().TrimEnd()).Append('\n');
    }
}
