using System.CommandLine;

namespace Signet.Cli;

/// <summary>The three kinds of option the command line has, as System.CommandLine options: a value (<c>--out FILE</c>),
/// a repeatable value (<c>--domain D</c>…), and a flag (<c>--force</c>). The parser, <c>--help</c>, the completion
/// scripts, the man page and the operation table all read these definitions.</summary>
public static class CliOptions
{
    /// <summary><c>--name VALUE</c>, at most once.</summary>
    public static Option<string> Value(string name, string helpName, string description, bool required = false) =>
        new("--" + name) { HelpName = helpName, Description = description, Required = required, Arity = ArgumentArity.ExactlyOne };

    /// <summary><c>--name VALUE</c>, as often as needed; the values are kept in order.</summary>
    public static Option<string[]> Repeatable(string name, string helpName, string description, bool required = false) =>
        new("--" + name) { HelpName = helpName, Description = description, Required = required, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    /// <summary><c>--name</c> alone: a value after it (<c>--json=yes</c>) is refused, not read as true or false.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new("--" + name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary><c>--name VALUE</c> where VALUE is one of <paramref name="choices"/>: help shows them, completion offers
    /// them, and anything else is refused with one line that lists them.</summary>
    public static Option<string> Choice(string name, string description, params string[] choices) =>
        Choice(name, description, StringComparer.Ordinal, choices);

    /// <inheritdoc cref="Choice(string, string, string[])"/>
    public static Option<string> Choice(string name, string description, StringComparer comparer, params string[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var option = Value(name, string.Join('|', choices), description);
        option.CompletionSources.Add(choices);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!choices.Contains(token.Value, comparer))
                {
                    result.AddError($"--{name} {TerminalText.Printable(token.Value)}: expected {Listing(choices)}");
                }
            }
        });
        return option;
    }

    /// <summary><c>--name VALUE</c> where help shows and completion offers <paramref name="values"/>, but the command
    /// judges the value itself (it also takes other spellings, such as <c>rsa-sha256</c> for <c>rsa</c>).</summary>
    public static Option<string> Suggested(string name, string description, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var option = Value(name, string.Join('|', values), description);
        option.CompletionSources.Add(values);
        return option;
    }

    /// <summary>"a, b or c" (or "a, b and c" with <paramref name="conjunction"/> "and").</summary>
    public static string Listing(IReadOnlyList<string> items, string conjunction = "or")
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}";
    }

    /// <summary>The option's name without its leading dashes, as the operation table and the completion scripts write it.</summary>
    public static string BareName(Option option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.Name.TrimStart('-');
    }

    /// <summary>Whether the option takes a value (a flag takes none).</summary>
    public static bool TakesValue(Option option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.Arity.MaximumNumberOfValues > 0;
    }
}
