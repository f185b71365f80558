using System.CommandLine;
using System.CommandLine.Parsing;

namespace Signet.Cli;

/// <summary>Turns what System.CommandLine refused into the one line a usage error gets (after "signet COMMAND: "):
/// the first problem, in words that name the option, never its multi-line report.</summary>
public static class CliParseErrors
{
    /// <summary>The sentence for the first problem of <paramref name="result"/>, or null when it parsed cleanly.</summary>
    public static string? Describe(ParseResult result, CliCommandDefinition command, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(args);
        if (result.Errors.Count == 0)
        {
            return null;
        }

        var action = result.CommandResult.Command;
        if (command.Subcommands.Count > 0 && action == command)
        {
            string actions = string.Join('|', command.Subcommands.Select(s => s.Name));
            return command.UsageHint ?? (args.Count == 0 || args[0].StartsWith('-')
                ? $"say what to do: signet {command.Name} {actions} (signet {command.Name} --help for examples)"
                : $"unknown action \"{TerminalText.Printable(args[0])}\": use one of {actions}");
        }

        return command.UsageHint ?? FlagGivenAValue(action, args) ?? Unmatched(result) ?? OptionProblem(result, action) ?? result.Errors[0].Message;
    }

    // "--json=yes": the parser splits it into --json and an argument "yes"; the option name is what was wrong.
    private static string? FlagGivenAValue(Command action, IReadOnlyList<string> args) => args
        .Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))
        .Select(a => a[..a.IndexOf('=', StringComparison.Ordinal)])
        .Where(name => action.Options.Any(o => o.Name == name && !CliOptions.TakesValue(o)))
        .Select(name => $"unknown option {name}")
        .FirstOrDefault();

    private static string? Unmatched(ParseResult result)
    {
        if (result.Tokens.Any(t => t.Type == TokenType.DoubleDash))
        {
            return "unexpected argument \"--\"";
        }

        if (result.UnmatchedTokens.Count == 0)
        {
            return null;
        }

        string token = result.UnmatchedTokens[0];
        return token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2
            ? $"unknown option {TerminalText.Printable(token.Split('=')[0])}"
            : $"unexpected argument \"{TerminalText.Printable(token)}\"";
    }

    private static string? OptionProblem(ParseResult result, Command action)
    {
        foreach (var option in action.Options)
        {
            var given = result.GetResult(option);
            if (given is null || given.IdentifierTokenCount == 0)
            {
                if (option.Required)
                {
                    return $"{option.Name} is required";
                }

                continue;
            }

            if (CliOptions.TakesValue(option) && given.Tokens.Count < given.IdentifierTokenCount)
            {
                return $"{option.Name} needs a value";
            }

            if (given.Tokens.Count > option.Arity.MaximumNumberOfValues || (CliOptions.TakesValue(option) && option.Arity.MaximumNumberOfValues <= 1 && given.IdentifierTokenCount > 1))
            {
                return $"{option.Name} was given more than once";
            }

            if (given.Errors.FirstOrDefault() is { } error)
            {
                return error.Message;
            }
        }

        return null;
    }
}
