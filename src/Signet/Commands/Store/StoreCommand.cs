using Signet.Cli;

namespace Signet.Commands.Store;

/// <summary>A store command: a noun (<c>domain</c>, <c>key</c>, …) whose first argument is a verb. Every verb takes
/// <c>--data DIR</c> and <c>--store CONNECTION-STRING</c> and acts as the local administrator.</summary>
public abstract class StoreCommand : ICliCommand
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    public abstract string Help { get; }

    /// <summary>The verbs, each with the options that take a value and the flags it accepts (besides the store's own).</summary>
    protected abstract IReadOnlyDictionary<string, StoreVerb> Verbs { get; }

    /// <summary>The options every store action takes besides its own.</summary>
    public static IReadOnlyList<string> StoreOptions { get; } = ["data", "store", "resolver"];

    public IReadOnlyList<CliAction> Actions => Verbs.Select(v => new CliAction(v.Key, [.. v.Value.Valued, .. StoreOptions], v.Value.Flags)).ToList();

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        string verbs = string.Join("|", Verbs.Keys);
        if (args.Count == 0)
        {
            throw new CliUsageException($"say what to do: signet {Name} {verbs} (signet {Name} --help for examples)");
        }

        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            throw new CliUsageException($"unknown action \"{args[0]}\": use one of {verbs}");
        }

        var options = Actions.Single(a => a.Name == args[0]).Parse(args.Skip(1).ToList());
        string commandLine = $"signet {Name} {args[0]}";
        try
        {
            await using var store = await StoreOpening.OpenAsync(options, cancellationToken).ConfigureAwait(false);
            return await verb.RunAsync(new StoreCommandContext(commandLine, store, options, console), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreCommandException exception)
        {
            console.Error.WriteLine($"{commandLine}: {exception.Message}");
            return StoreExitCodes.For(exception.Error.Kind);
        }
    }
}

/// <summary>One verb of a <see cref="StoreCommand"/>.</summary>
public sealed record StoreVerb(
    IReadOnlyList<string> Valued,
    IReadOnlyList<string> Flags,
    Func<StoreCommandContext, CancellationToken, Task<int>> RunAsync);
