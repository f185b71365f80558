using System.CommandLine;
using Signet.Admin.Api.Domains;
using Signet.Cli;
using Signet.Store.Model;
using Signet.Store.Policy;

namespace Signet.Commands.Store;

/// <summary><c>signet domain add|list|set|remove</c>: the protected domains.</summary>
public sealed class DomainCommand : StoreCommand
{
    public override string Name => "domain";

    public override string Summary => "add, list, change or remove the domains Signet signs for";

    protected override string Description => """
        The domains Signet signs for. Each can have signing turned off, and chooses whether its subdomains are
        signed with its keys (relaxed-aligned) or need their own. Every store command acts as the local
        administrator on the store in --data or --store, or as a token's user through a running signet serve.
        """;

    protected override IReadOnlyList<string> Examples { get; } =
    [
        "signet domain add --domain example.com",
        "signet domain set --domain example.com --subdomains own",
    ];

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["add"] = new("protect a domain (signing on, subdomains signed with its keys)", [Domain()], AddAsync, Idempotent: true),
        ["list"] = new("the domains, one a line: name, whether its next message is signed (and if not, why), how subdomains are signed", [], ListAsync, Lists: true),
        ["set"] = new("turn signing on or off; sign subdomains with the parent's keys, or require each subdomain to have its own entry and keys",
            [Domain(), CliOptions.Choice("signing", "whether the domain's mail is signed", "on", "off"),
             CliOptions.Choice("subdomains", "parent: subdomains are signed with the domain's keys; own: each needs its own entry and keys", "parent", "own")], SetAsync),
        ["remove"] = new("stop protecting a domain; its keys are deleted", [Domain()], RemoveAsync, Idempotent: true),
    };

    private static Option<string> Domain() => CliOptions.Value("domain", "DOMAIN", "the domain", required: true);

    private static async Task<int> AddAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        if (await ExistingAsync(context, context.Options.Require("domain"), cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return context.AlreadyDone($"{DomainArguments.Display(existing.Name)} is already protected");
        }

        var domain = StoreCommandContext.Ok(await context.Store.AddDomainAsync(StoreCommandContext.Actor, context.Options.Require("domain"), cancellationToken)
            .ConfigureAwait(false));
        context.Console.WriteLine($"added {DomainArguments.Display(domain.Name)}: not signing yet (no key); generate one with: signet key generate --domain {domain.Name} --selector s1");
        return ExitCodes.Success;
    }

    private static async Task<int> ListAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var views = await context.ListDomainViewsAsync(cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            return context.WriteJson(views);
        }

        foreach (var view in views)
        {
            context.Console.WriteLine($"{DomainArguments.Display(view.Name)}\t{view.SigningStatus}\tsubdomains {Subdomains(view)}");
        }

        return ExitCodes.Success;
    }

    private static async Task<int> SetAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        bool? signing = context.Options.Get("signing") switch
        {
            null => null,
            "on" => true,
            "off" => false,
            { } other => throw new CliUsageException($"--signing {other}: expected on or off"),
        };
        SubdomainSigning? subdomains = context.Options.Get("subdomains") switch
        {
            null => null,
            "parent" => SubdomainSigning.UseParentKeys,
            "own" => SubdomainSigning.RequireOwnKeys,
            { } other => throw new CliUsageException($"--subdomains {other}: expected parent or own"),
        };
        if (signing is null && subdomains is null)
        {
            throw new CliUsageException("nothing to change: give --signing on|off or --subdomains parent|own");
        }

        var domain = StoreCommandContext.Ok(await context.Store.UpdateDomainAsync(
            StoreCommandContext.Actor, context.Options.Require("domain"), signing, subdomains, cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine(Line(domain));
        return ExitCodes.Success;
    }

    private static async Task<int> RemoveAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        string name = context.Options.Require("domain");
        if (await ExistingAsync(context, name, cancellationToken).ConfigureAwait(false) is null)
        {
            return context.AlreadyDone($"{name} is not protected: nothing to remove");
        }

        StoreCommandContext.Ok(await context.Store.RemoveDomainAsync(StoreCommandContext.Actor, name, cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine($"removed {name} and deleted its keys; remove its _domainkey records from DNS once mail signed with them has been delivered");
        return ExitCodes.Success;
    }

    /// <summary>The domain called <paramref name="name"/>, or null when it is not protected (an unusable name is still an error).</summary>
    private static async Task<DomainEntry?> ExistingAsync(StoreCommandContext context, string name, CancellationToken cancellationToken)
    {
        if (!DomainNames.TryNormalize(name, out _, out string error))
        {
            throw new CliUsageException($"--domain {TerminalText.Printable(name)}: {error}");
        }

        var found = await context.Store.GetDomainAsync(StoreCommandContext.Actor, name, cancellationToken).ConfigureAwait(false);
        return found.Error is { Kind: Signet.Store.StoreErrorKind.NotFound } ? null : StoreCommandContext.Ok(found);
    }

    private static string Line(DomainEntry domain) =>
        $"{DomainArguments.Display(domain.Name)}\tsigning turned {(domain.SigningEnabled ? "on" : "off")}\tsubdomains {Subdomains(domain)}";

    private static string Subdomains(DomainEntry domain) => domain.Subdomains == SubdomainSigning.UseParentKeys ? "parent" : "own";

    private static string Subdomains(DomainView view) =>
        SubdomainNames.TryParse(view.Subdomains, out var subdomains, out _) && subdomains == SubdomainSigning.RequireOwnKeys ? "own" : "parent";
}
