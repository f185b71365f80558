using System.CommandLine;
using Signet.Admin.Api.Keys;
using Signet.Cli;
using Signet.Dkim;
using Signet.Dkim.DnsText;
using Signet.Dkim.Keys;
using Signet.Store;
using Signet.Store.Model;

namespace Signet.Commands.Store;

/// <summary><c>signet key …</c>: the keys of a domain (<c>--domain</c>) or of the server (<c>--server</c>) and their lifecycle.</summary>
public sealed class KeyCommand : StoreCommand
{
    public override string Name => "key";

    public override string Summary => "generate, import, list, publish, activate, retire, revoke, delete, rotate or export stored keys";

    protected override string Description => """
        The keys of a domain (--domain) or the server-wide keys (--server). A key is named by --selector (with
        --domain or --server) or by --id (as key list shows it).
        Its life: pending (generated or imported) → active (signing) → retiring (record kept) → revoked (p= empty) → deleted.
        """;

    protected override IReadOnlyList<string> Examples { get; } =
    [
        "signet key generate --domain example.com --selector s1 --algorithm rsa",
        "signet key dns --domain example.com --selector s1 --format zone",
        "signet key activate --domain example.com --selector s1",
    ];

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["generate"] = new("a new pending key, made here", [.. Owner(), Selector(required: true),
            CliOptions.Suggested("algorithm", "rsa (default) or ed25519 (RFC 8463)", DkimKeyTypeNames.Rsa, DkimKeyTypeNames.Ed25519),
            CliOptions.Value("bits", "N", $"RSA key size, {DkimKeySizes.RsaSigningRange} (default {DkimKeySizes.RecommendedRsaBits})")], GenerateAsync),
        ["import"] = new("a key made elsewhere (PKCS#8 or PKCS#1 PEM, Ed25519 seed)", [.. Owner(), Selector(required: true),
            CliOptions.Value("key", "FILE", "the private key file to import", required: true)], ImportAsync),
        ["list"] = new("the keys: selector, state, algorithm, record name, id, last DNS check", Owner(), ListAsync, Lists: true),
        ["dns"] = new("the TXT records to publish for the stored keys (all of them without --selector or --id)", [.. Which(),
            CliOptions.Choice("format", "how to write the records (default zone; see signet dns-record --help)", StringComparer.OrdinalIgnoreCase, DnsFormats.Names)], DnsAsync),
        ["check"] = new("look the key's record up in DNS now and say what is wrong", Which(), CheckAsync),
        ["activate"] = new("start signing; refused until the record is published and matches, unless --force", [.. Which(),
            Force()], ActivateAsync),
        ["retire"] = new("stop signing; the record stays so mail in flight still verifies", Which(),
            (c, t) => StepAsync(c, (a, id) => c.Store.RetireKeyAsync(a, id, t), "retired: it no longer signs; its record stays published", t)),
        ["revoke"] = new("the record to publish becomes v=DKIM1; p=", Which(),
            (c, t) => StepAsync(c, (a, id) => c.Store.RevokeKeyAsync(a, id, t), "revoked: publish the record below", t)),
        ["delete"] = new("destroy the private key (a key that no longer signs)", Which(), DeleteAsync),
        ["rotate"] = new("a new key of the same kind waits for its record, then replaces the one named", [.. Which(),
            CliOptions.Value("new-selector", "NEW", "the selector of the new key", required: true)], KeyRotation.StartAsync),
        ["rotations"] = new("the rotations and what to do next", Owner(), KeyRotation.ListAsync, Lists: true),
        ["export"] = new("the private key as PKCS#8 PEM (a secret: standard output, or FILE with mode 0600)", [.. Which(),
            CliOptions.Value("out", "FILE", "write the key to FILE (mode 0600) instead of standard output"),
            Force()], KeyExport.RunAsync),
    };

    /// <summary>Whose keys: --domain D or --server.</summary>
    private static Option[] Owner() =>
    [
        CliOptions.Value("domain", "DOMAIN", "the domain whose keys these are"),
        CliOptions.Flag("server", "the server-wide keys instead of a domain's"),
    ];

    // One option, two actions: help lists an option once, so its description covers both.
    private static Option<bool> Force() =>
        CliOptions.Flag("force", "activate: before the record is published (receivers fail its signatures until it is); export: replace FILE if it exists");

    private static Option<string> Selector(bool required = false) => CliOptions.Value("selector", "S", "the key's selector (s=)", required);

    /// <summary>Which key: --selector with its owner, or --id.</summary>
    private static Option[] Which() =>
        [.. Owner(), Selector(), CliOptions.Value("id", "ID", "the key's id as signet key list shows it (instead of --selector)")];

    private static async Task<int> GenerateAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var type = DkimKeyType.Rsa;
        if (context.Options.Get("algorithm") is { } algorithm && !DkimKeyTypeNames.TryParseChoice(algorithm, out type))
        {
            throw new CliUsageException($"--algorithm {algorithm}: expected {DkimKeyTypeNames.Choices}");
        }
        int bits = context.Options.Get("bits") is { } text
            ? int.TryParse(text, out int parsed) ? parsed : throw new CliUsageException($"--bits {text}: expected a number such as {DkimKeySizes.RecommendedRsaBits}")
            : DkimKeySizes.RecommendedRsaBits;
        var request = new KeyGenerationRequest(context.Options.Require("selector"), type, bits);
        var key = StoreCommandContext.Ok(await context.Store.GenerateKeyAsync(StoreCommandContext.Actor, context.Owner(), request, cancellationToken)
            .ConfigureAwait(false));
        PrintPending(context, key);
        return ExitCodes.Success;
    }

    private static async Task<int> ImportAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        string path = context.Options.Require("key");
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot read the key file: {exception.Message}");
        }

        try
        {
            var key = StoreCommandContext.Ok(await context.Store.ImportKeyAsync(
                StoreCommandContext.Actor, context.Owner(), context.Options.Require("selector"), content, cancellationToken).ConfigureAwait(false));
            PrintPending(context, key);
            return ExitCodes.Success;
        }
        finally
        {
            Array.Clear(content);
        }
    }

    private static async Task<int> ListAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var keys = StoreCommandContext.Ok(await context.Store.ListKeysAsync(StoreCommandContext.Actor, context.Owner(), cancellationToken).ConfigureAwait(false));
        if (context.Json)
        {
            return context.WriteJson(keys.Select(KeyView.From).ToList());
        }

        foreach (var key in keys)
        {
            string check = key.LastDnsCheck is { } last ? $"DNS {last.CheckedAt:u}: {last.Summary}" : "DNS not checked yet";
            context.Console.WriteLine(
                $"{key.Selector}\t{key.State.ToString().ToLowerInvariant()}\t{key.Algorithm.ToTagValue()} {key.Bits}\t{key.RecordName}\t{key.Id}\t{check}");
        }

        return ExitCodes.Success;
    }

    private static async Task<int> DnsAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var format = DnsFormats.Parse(context.Options.Get("format") ?? "zone");
        IReadOnlyList<KeyEntry> keys = context.Options.Has("selector") || context.Options.Has("id")
            ? [await context.KeyAsync(cancellationToken).ConfigureAwait(false)]
            : StoreCommandContext.Ok(await context.Store.ListKeysAsync(StoreCommandContext.Actor, context.Owner(), cancellationToken).ConfigureAwait(false));
        foreach (var key in keys)
        {
            context.Console.WriteLine(DnsFormats.Write(key, format));
        }

        return ExitCodes.Success;
    }

    private static async Task<int> CheckAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var key = await context.KeyAsync(cancellationToken).ConfigureAwait(false);
        var checkedKey = StoreCommandContext.Ok(await context.Store.CheckKeyDnsAsync(StoreCommandContext.Actor, key.Id, cancellationToken).ConfigureAwait(false));
        var check = checkedKey.LastDnsCheck!;
        context.Console.WriteLine(check.Matches ? $"ok: {check.Summary}" : $"not usable: {check.Summary}");
        foreach (var finding in check.Findings)
        {
            context.Console.WriteLine($"  {finding.Severity.ToString().ToLowerInvariant()}: {finding.Message}");
        }

        return check.Matches ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task<int> ActivateAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var key = await context.KeyAsync(cancellationToken).ConfigureAwait(false);
        bool force = context.Options.Has("force");
        var active = StoreCommandContext.Ok(await context.Store.ActivateKeyAsync(StoreCommandContext.Actor, key.Id, force, cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine($"{active.RecordName} is active: it signs from now on");
        if (force)
        {
            context.Note($"{context.CommandLine}: activated without a matching DNS record: receivers fail its signatures until {active.RecordName} is published");
        }

        return ExitCodes.Success;
    }

    private static async Task<int> DeleteAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var key = await context.KeyAsync(cancellationToken).ConfigureAwait(false);
        StoreCommandContext.Ok(await context.Store.DeleteKeyAsync(StoreCommandContext.Actor, key.Id, cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine($"deleted {key.RecordName}: its private key is destroyed; publish \"{KeyRecords.RevokedValue}\" there or remove the record");
        return ExitCodes.Success;
    }

    private static async Task<int> StepAsync(
        StoreCommandContext context, Func<Signet.Store.Access.Actor, Guid, Task<StoreResult<KeyEntry>>> step, string said, CancellationToken cancellationToken)
    {
        var key = await context.KeyAsync(cancellationToken).ConfigureAwait(false);
        var changed = StoreCommandContext.Ok(await step(StoreCommandContext.Actor, key.Id).ConfigureAwait(false));
        context.Console.WriteLine($"{changed.RecordName} {said}");
        if (changed.State == KeyState.Revoked)
        {
            context.Console.WriteLine(DnsFormats.Write(changed, DkimDnsTextFormat.Zone));
        }

        return ExitCodes.Success;
    }

    private static void PrintPending(StoreCommandContext context, KeyEntry key)
    {
        context.Console.WriteLine($"{key.RecordName}: {key.Algorithm.ToTagValue()} {key.Bits}, pending, id {key.Id}");
        context.Console.WriteLine("publish this record, then run signet key activate:");
        context.Console.WriteLine(DnsFormats.Write(key, DkimDnsTextFormat.Zone));
    }
}
