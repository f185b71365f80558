using Signet.Cli;
using Signet.Dkim.Diagnostics;
using Signet.Dkim.DnsText;
using Signet.Dkim.Keys;

namespace Signet.Commands;

/// <summary><c>signet check-dns</c>: is the published key record usable, and is it the key we sign with?</summary>
public sealed class CheckDnsCommand : ICliCommand
{
    public string Name => "check-dns";

    public string Summary => "look up a published key record and say what is wrong with it";

    public string Help => $$"""
        Usage: signet check-dns --domain DOMAIN [--selector s1] [--key FILE] [--resolver HOST[:PORT]] [--keys FILE]
                        [--timeout 5s]

        Looks up SELECTOR._domainkey.DOMAIN and says, in words, whether receivers can use it: missing, several
        TXT records at the name, syntax errors, a key cut short, revoked (empty p=), test mode (t=y) still on,
        h= excluding sha256, a key that is too short. With --key, also whether the published key is the public
        half of that private key. Exit status 0 only when the record is usable (and matches, with --key).

          --resolver HOST[:PORT]   ask this DNS server instead of the system's resolvers
          --keys FILE              read zone-file TXT lines from FILE instead of DNS
        {{Resolvers.TimeoutHelp}}

        Example:
          signet check-dns --domain example.com --selector s1 --key s1.example.com.pem
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, new HashSet<string> { "domain", "selector", "key", "resolver", "keys", "timeout" }, new HashSet<string>());
        string domain = options.Require("domain").TrimEnd('.').ToLowerInvariant();
        string selector = options.Get("selector") ?? "s1";
        if (!DkimDnsRecordName.TryValidate(selector, domain, out string nameError))
        {
            throw new CliUsageException(nameError);
        }

        using DkimPrivateKey? key = options.Get("key") is { } path ? KeyFiles.Read(path) : null;
        var source = options.Get("keys") is { } keysFile
            ? Resolvers.FromKeysFile(keysFile)
            : Resolvers.FromOption(options.Get("resolver"), options.Get("timeout"));
        string name = DkimDnsRecordName.For(selector, domain);
        var lookup = await source.LookupTxtAsync(name, cancellationToken).ConfigureAwait(false);
        var diagnosis = DkimRecordDiagnostician.Diagnose(name, lookup, key?.PublicKey);
        foreach (var finding in diagnosis.Findings)
        {
            console.WriteLine($"{finding.Severity.ToString().ToLowerInvariant()}: {finding.Message}");
        }

        bool usable = diagnosis.IsUsable && diagnosis.MatchesExpectedKey != false;
        console.WriteLine(usable ? $"ok: {name} is usable" : $"not usable: {name}");
        return usable ? ExitCodes.Success : ExitCodes.Failure;
    }
}
