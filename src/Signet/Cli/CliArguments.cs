namespace Signet.Cli;

/// <summary>The options of one command line: <c>--name value</c>, <c>--name=value</c>, repeated options kept in
/// order, and flags. Anything unknown is a usage error that names it.</summary>
public sealed class CliArguments
{
    private readonly List<(string Name, string? Value)> _options = [];

    private CliArguments()
    {
    }

    public bool HelpRequested => Has("help");

    /// <summary>Parses <paramref name="args"/> against the option names that take a value and the flag names.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        var parsed = new CliArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "-h" or "--help")
            {
                parsed._options.Add(("help", null));
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new CliUsageException($"unexpected argument \"{arg}\"");
            }

            string name = arg[2..];
            string? inlineValue = null;
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            if (flags.Contains(name) && inlineValue is null)
            {
                parsed._options.Add((name, null));
            }
            else if (valued.Contains(name))
            {
                string value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new CliUsageException($"--{name} needs a value"));
                parsed._options.Add((name, value));
            }
            else
            {
                throw new CliUsageException($"unknown option --{name}");
            }
        }

        return parsed;
    }

    public bool Has(string name) => _options.Any(o => o.Name == name);

    public string? Get(string name)
    {
        var values = GetAll(name);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new CliUsageException($"--{name} was given more than once"),
        };
    }

    public string Require(string name) => Get(name) ?? throw new CliUsageException($"--{name} is required");

    public IReadOnlyList<string> GetAll(string name) => _options.Where(o => o.Name == name).Select(o => o.Value!).ToList();

    /// <summary>The options in the order they were given, for commands where order pairs them (--key with --selector).</summary>
    public IReadOnlyList<(string Name, string? Value)> InOrder => _options;
}
