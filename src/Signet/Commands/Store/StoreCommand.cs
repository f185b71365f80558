using Signet.Cli;
using Signet.Store;

namespace Signet.Commands.Store;

/// <summary>A store command: a noun (<c>domain</c>, <c>key</c>, …) whose first argument is a verb. Every verb takes
/// <c>--data DIR</c> and <c>--store CONNECTION-STRING</c> and acts as the local administrator.</summary>
public abstract class StoreCommand : ICliCommand
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    /// <summary>The command's own usage, actions and example; <see cref="Help"/> adds the options every store command takes.</summary>
    protected abstract string Usage { get; }

    public string Help => Usage.TrimEnd('\n') + "\n\n" + CommonOptions;

    /// <summary>The options and conventions of every store command, written once.</summary>
    private const string CommonOptions = """
        Every action also takes:
          --quiet                      print nothing on success (on failure, stderr still says why)
          --json                       (listings) one line of JSON: the API's objects and field names
          --strict                     (add/remove/revoke) exit 1 when there is nothing to do, instead of 0
          --server-url URL --token-file FILE [--insecure]
                                       act through a running signet serve's API as the token's user, instead of
                                       the store in --data; plain http only to this machine unless --insecure
        """;

    /// <summary>The verbs, each with the options that take a value and the flags it accepts (besides the store's own).</summary>
    protected abstract IReadOnlyDictionary<string, StoreVerb> Verbs { get; }

    /// <summary>The options every store action takes besides its own.</summary>
    public static IReadOnlyList<string> StoreOptions { get; } = ["data", "store", "resolver", "server-url", "token-file"];

    public IReadOnlyList<CliAction> Actions => Verbs.Select(v => new CliAction(v.Key, [.. v.Value.Valued, .. StoreOptions], FlagsOf(v.Value))).ToList();

    /// <summary>A verb's flags and the conventions scripts rely on: --quiet everywhere, --json on listings, --strict on
    /// changes that are idempotent by default.</summary>
    private static IReadOnlyList<string> FlagsOf(StoreVerb verb) =>
        [.. verb.Flags, "quiet", "insecure", .. verb.Lists ? ["json"] : Array.Empty<string>(), .. verb.Idempotent ? ["strict"] : Array.Empty<string>()];

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
        // --quiet: nothing on success; on failure, everything the verb would have said on stderr, then the error.
        bool quiet = options.Has("quiet");
        using var held = new StringWriter();
        var verbConsole = quiet ? console with { Output = Stream.Null, Error = held } : console;
        int status;
        try
        {
            var store = await StoreOpening.OpenAsync(options, cancellationToken).ConfigureAwait(false);
            try
            {
                status = await verb.RunAsync(new StoreCommandContext(commandLine, store, options, verbConsole), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (store is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        catch (StoreCommandException exception)
        {
            console.Error.Write(held.ToString());
            console.Error.WriteLine($"{commandLine}: {exception.Message}");
            return StoreExitCodes.For(exception.Error.Kind);
        }
        catch (StoreUnavailableException outage)
        {
            // The command line's one mapping of a store that cannot answer (local database or remote API): one line.
            console.Error.Write(held.ToString());
            console.Error.WriteLine($"{commandLine}: {outage.Message}");
            return StoreExitCodes.Unavailable;
        }

        if (status != ExitCodes.Success)
        {
            console.Error.Write(held.ToString());
        }

        return status;
    }
}

/// <summary>One verb of a <see cref="StoreCommand"/>.</summary>
/// <param name="Lists">A listing: takes --json and writes the API's views of what it lists.</param>
/// <param name="Idempotent">A change that is already in effect (or whose target is already gone) succeeds with a
/// sentence saying so, unless --strict, which makes it exit 1.</param>
public sealed record StoreVerb(
    IReadOnlyList<string> Valued,
    IReadOnlyList<string> Flags,
    Func<StoreCommandContext, CancellationToken, Task<int>> RunAsync,
    bool Lists = false,
    bool Idempotent = false);
