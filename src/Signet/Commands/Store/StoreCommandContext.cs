using System.Text.Json;
using Signet.Admin.Api.Domains;
using Signet.Cli;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Commands.Store;

/// <summary>What a verb works with: the open store, its options, the console, and helpers that turn store results
/// into output or an error line.</summary>
public sealed class StoreCommandContext
{
    public StoreCommandContext(string commandLine, ISignetStore store, CliArguments options, CliConsole console)
    {
        CommandLine = commandLine;
        Store = store;
        Options = options;
        Console = console;
    }

    /// <summary>The command line acts as the local administrator: whoever can read the data directory owns the keys anyway.</summary>
    public static Actor Actor => Actor.LocalAdministrator;

    public string CommandLine { get; }

    /// <summary>The store on this machine, or a running signet serve's API (--server-url): the same calls either way.</summary>
    public ISignetStore Store { get; }

    /// <summary>Whether the commands manage a running signet serve through its API.</summary>
    public bool IsRemote => Store is Remote.ApiStoreClient;

    /// <summary>Refuses remote mode for a verb that needs the store itself, saying where to run it.</summary>
    public void RequireLocal(string why)
    {
        if (IsRemote)
        {
            throw new CliUsageException($"{CommandLine} {why}: run it on the mail host (--data DIR), not with --server-url");
        }
    }

    /// <summary>The domains with whether each signs its next message, in one read whatever their number: a running
    /// serve computes the views from its store (GET /api/domains), the local store from its domains with their keys,
    /// the same way (<see cref="DomainView.From"/>).</summary>
    public async Task<IReadOnlyList<DomainView>> ListDomainViewsAsync(CancellationToken cancellationToken)
    {
        if (Store is Remote.ApiStoreClient api)
        {
            return Ok(await api.ListDomainViewsAsync(cancellationToken).ConfigureAwait(false));
        }

        var withKeys = Ok(await Store.ListDomainsWithKeysAsync(Actor, cancellationToken).ConfigureAwait(false));
        return withKeys.Select(d => DomainView.From(d.Domain, d.Status)).ToList();
    }

    public CliArguments Options { get; }

    public CliConsole Console { get; }

    /// <summary>The value of a store result, or a <see cref="StoreCommandException"/> with its sentence.</summary>
    public static T Ok<T>(StoreResult<T> result) => result.TryGetValue(out var value, out var error) ? value : throw new StoreCommandException(error);

    public void Note(string text) => Console.Error.WriteLine(text);

    /// <summary>Whether a listing was asked for as JSON (<c>--json</c>).</summary>
    public bool Json => Options.Has("json");

    /// <summary>Writes <paramref name="value"/> as one line of JSON, as the API would answer it.</summary>
    public int WriteJson<T>(T value)
    {
        Console.WriteLine(JsonSerializer.Serialize(value, CliJson.TypeInfo<T>()));
        return ExitCodes.Success;
    }

    /// <summary>The change asked for is already in effect: exit 0 with <paramref name="sentence"/>, so a script can run
    /// it again; with <c>--strict</c>, exit 1 with it on stderr.</summary>
    public int AlreadyDone(string sentence)
    {
        if (Options.Has("strict"))
        {
            Console.Error.WriteLine($"{CommandLine}: {sentence}");
            return ExitCodes.Failure;
        }

        Console.WriteLine(sentence);
        return ExitCodes.Success;
    }

    /// <summary>Whose keys: <c>--domain D</c> or <c>--server</c>, exactly one.</summary>
    public KeyOwner Owner()
    {
        string? domain = Options.Get("domain");
        bool server = Options.Has("server");
        return (domain, server) switch
        {
            (null, true) => KeyOwner.Server,
            ({ } d, false) => KeyOwner.ForDomain(d),
            (null, false) => throw new CliUsageException("say whose keys: --domain DOMAIN, or --server for the server-wide key"),
            _ => throw new CliUsageException("give --domain or --server, not both"),
        };
    }

    /// <summary>The key named by <c>--id</c>, or by <c>--selector</c> among the owner's keys.</summary>
    public async Task<KeyEntry> KeyAsync(CancellationToken cancellationToken)
    {
        if (Options.Get("id") is { } idText)
        {
            if (!Guid.TryParse(idText, out var id))
            {
                throw new CliUsageException($"--id {idText}: expected a key id as signet key list shows it");
            }

            return Ok(await Store.GetKeyAsync(Actor, id, cancellationToken).ConfigureAwait(false));
        }

        string selector = Options.Get("selector") ?? throw new CliUsageException("say which key: --selector S (with --domain or --server), or --id ID");
        var owner = Owner();
        var keys = Ok(await Store.ListKeysAsync(Actor, owner, cancellationToken).ConfigureAwait(false));
        var matches = keys.Where(k => string.Equals(k.Selector, selector, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new StoreCommandException(new StoreError(StoreErrorKind.NotFound,
                $"there is no key with selector {selector} {(owner.Scope == KeyScope.Server ? "among the server-wide keys" : "in " + owner.Domain)} (signet key list shows them)")),
            _ => throw new CliUsageException($"several keys have selector {selector}: name one with --id (signet key list shows the ids)"),
        };
    }
}
