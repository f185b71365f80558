using System.CommandLine;
using System.CommandLine.Parsing;

namespace Signet.Cli;

/// <summary>What System.CommandLine parsed for one action, read by option name: the values of <c>--name value</c>
/// and <c>--name=value</c>, repeated options in order, and flags. The parser has already refused anything the
/// definition does not accept, so these only read.</summary>
public sealed class CliArguments
{
    private readonly ParseResult _result;
    private readonly Command _action;

    public CliArguments(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _result = result;
        _action = result.CommandResult.Command;
    }

    /// <summary>The action's name (<c>add</c> of <c>signet domain add</c>), or the command's for a command without actions.</summary>
    public string Action => _action.Name;

    /// <summary>The positional arguments of the action (the FILE of <c>signet config check FILE</c>).</summary>
    public IReadOnlyList<string> Arguments =>
        _action.Arguments.SelectMany(a => _result.GetResult(a)?.Tokens.Select(t => t.Value) ?? []).ToList();

    public bool Has(string name) => Result(name) is { IdentifierTokenCount: > 0 };

    public string? Get(string name) => Result(name) is { IdentifierTokenCount: > 0, Tokens.Count: > 0 } given ? given.Tokens[0].Value : null;

    /// <summary>The value of an option the definition does not mark required but this use of it needs.</summary>
    public string Require(string name) => Get(name) ?? throw new CliUsageException($"--{name} is required");

    public IReadOnlyList<string> GetAll(string name) =>
        Result(name) is { } given ? given.Tokens.Select(t => t.Value).ToList() : [];

    /// <summary>The options in the order they were given, for commands where order pairs them (--key with --selector).</summary>
    public IReadOnlyList<(string Name, string? Value)> InOrder
    {
        get
        {
            var options = new List<(string, string?)>();
            var tokens = _result.Tokens;
            for (int i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Type != TokenType.Option || Find(tokens[i].Value.TrimStart('-')) is not { } option)
                {
                    continue;
                }

                bool valued = CliOptions.TakesValue(option) && i + 1 < tokens.Count && tokens[i + 1].Type == TokenType.Argument;
                options.Add((CliOptions.BareName(option), valued ? tokens[++i].Value : null));
            }

            return options;
        }
    }

    private OptionResult? Result(string name) => Find(name) is { } option ? _result.GetResult(option) : null;

    private Option? Find(string name) => _action.Options.FirstOrDefault(o => o.Name == "--" + name);
}
