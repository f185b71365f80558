using System.CommandLine;
using Signet.Cli;
using Signet.Store;

namespace Signet.Commands.Store;

/// <summary>A store command: a noun (<c>domain</c>, <c>key</c>, …) whose first argument is a verb. Every verb takes
/// <c>--data DIR</c> and <c>--store CONNECTION-STRING</c> and acts as the local administrator.</summary>
public abstract class StoreCommand : CliCommand
{
    /// <summary>What the command manages, before its actions in help.</summary>
    protected abstract string Description { get; }

    /// <summary>Paragraphs after the options, or empty.</summary>
    protected virtual string Notes => string.Empty;

    protected abstract IReadOnlyList<string> Examples { get; }

    /// <summary>The verbs, each with its own options (besides the store's own) and what it does.</summary>
    protected abstract IReadOnlyDictionary<string, StoreVerb> Verbs { get; }

    protected override CliCommandDefinition Define()
    {
        var definition = new CliCommandDefinition(Name, Summary, Description) { Notes = Notes, Examples = Examples };
        foreach (var (name, verb) in Verbs)
        {
            definition.WithAction(name, verb.Description, [.. verb.Options, .. Conventions(verb), .. StoreOptions()]);
        }

        return definition;
    }

    /// <summary>The conventions scripts rely on: --json on listings, --strict on changes that are idempotent by default.</summary>
    private static IEnumerable<Option> Conventions(StoreVerb verb)
    {
        if (verb.Lists)
        {
            yield return CliOptions.Flag("json", "one line of JSON: the API's objects and field names");
        }

        if (verb.Idempotent)
        {
            yield return CliOptions.Flag("strict", "exit 1 when there is nothing to do (already done, or already gone), instead of 0");
        }
    }

    /// <summary>The options every store action takes, written once: where the store is, or which running signet
    /// serve to act through, and --quiet.</summary>
    private static Option[] StoreOptions() =>
    [
        CliOptions.Value("data", "DIR", "the data directory: the SQLite database and master.key (default $SIGNET_DATA, else ./data)"),
        CliOptions.Value("store", "CONNECTION-STRING", "keep everything in PostgreSQL instead, e.g. \"Host=…;Database=…\" (the master key file is still read from --data)"),
        CliOptions.Value("resolver", "HOST[:PORT]", "the DNS server the store's DNS checks ask (default: the system's resolvers)"),
        CliOptions.Value("server-url", "URL", "act through a running signet serve's API as the token's user, instead of the store in --data; plain http only to this machine unless --insecure"),
        CliOptions.Value("token-file", "FILE", "the file holding the API token for --server-url"),
        CliOptions.Flag("insecure", "allow --server-url over plain http to another machine"),
        CliOptions.Flag("quiet", "print nothing on success (on failure, stderr still says why)"),
    ];

    public override async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var verb = Verbs[arguments.Action];
        var options = arguments;
        string commandLine = $"signet {Name} {arguments.Action}";
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
