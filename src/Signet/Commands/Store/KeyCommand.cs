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
    private static readonly string[] Which = ["domain", "selector", "id"];

    public override string Name => "key";

    public override string Summary => "generate, import, list, publish, activate, retire, revoke, delete, rotate or export stored keys";

    protected override string Usage => $"""
        Usage: signet key ACTION (--domain DOMAIN | --server) [OPTIONS] [--data DIR] [--store CONNECTION-STRING]

        A key is named by --selector (with --domain or --server) or by --id (as key list shows it).
        Its life: pending (generated or imported) → active (signing) → retiring (record kept) → revoked (p= empty) → deleted.

          generate --selector S [--algorithm rsa|ed25519] [--bits {DkimKeySizes.RecommendedRsaBits}]   a new pending key, made here
          import --selector S --key FILE         a key made elsewhere (PKCS#8 or PKCS#1 PEM, Ed25519 seed)
          list                                   the keys: selector, state, algorithm, record name, id, last DNS check
          dns [--selector S] [--format value|quoted|escaped|zone|json]
                                                 the TXT records to publish for the stored keys (default: zone)
          check --selector S                     look the key's record up in DNS now and say what is wrong
          activate --selector S [--force]        start signing; refused until the record is published and matches,
                                                 unless --force (receivers fail its signatures until it is)
          retire --selector S                    stop signing; the record stays so mail in flight still verifies
          revoke --selector S                    the record to publish becomes v=DKIM1; p=
          delete --selector S                    destroy the private key (a key that no longer signs)
          rotate --selector OLD --new-selector NEW   a new key of the same kind waits for its record, then replaces OLD
          rotations                              the rotations and what to do next
          export --selector S [--out FILE]       the private key as PKCS#8 PEM (a secret: stdout, or FILE with mode 0600)

          --resolver IP[:PORT]                   the DNS server for check and activate (default: the system's)

        Example:
          signet key generate --domain example.com --selector s1 --algorithm rsa
          signet key dns --domain example.com --selector s1 --format zone
          signet key activate --domain example.com --selector s1
        """;

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["generate"] = new(["domain", "selector", "algorithm", "bits"], ["server"], GenerateAsync),
        ["import"] = new(["domain", "selector", "key"], ["server"], ImportAsync),
        ["list"] = new(["domain"], ["server"], ListAsync, Lists: true),
        ["dns"] = new(["domain", "selector", "format", "id"], ["server"], DnsAsync),
        ["check"] = new(Which, ["server"], CheckAsync),
        ["activate"] = new(Which, ["server", "force"], ActivateAsync),
        ["retire"] = new(Which, ["server"], (c, t) => StepAsync(c, (a, id) => c.Store.RetireKeyAsync(a, id, t), "retired: it no longer signs; its record stays published", t)),
        ["revoke"] = new(Which, ["server"], (c, t) => StepAsync(c, (a, id) => c.Store.RevokeKeyAsync(a, id, t), "revoked: publish the record below", t)),
        ["delete"] = new(Which, ["server"], DeleteAsync),
        ["rotate"] = new([.. Which, "new-selector"], ["server"], KeyRotation.StartAsync),
        ["rotations"] = new(["domain"], ["server"], KeyRotation.ListAsync, Lists: true),
        ["export"] = new([.. Which, "out"], ["server", "force"], KeyExport.RunAsync),
    };

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
