using Signet.Cli;
using Signet.Dkim.Diagnostics;
using Signet.Dkim.DnsText;
using Signet.Dkim.Keys;
using Signet.Dns.Authoritative;

namespace Signet.Commands;

/// <summary><c>signet check-dns</c>: is the published key record usable, and is it the key we sign with?</summary>
public sealed class CheckDnsCommand : CliCommand
{
    protected override CliCommandDefinition Define() => new CliCommandDefinition(
        "check-dns",
        "look up a published key record and say what is wrong with it",
        """
        Asks every authoritative server of DOMAIN's zone for SELECTOR._domainkey.DOMAIN directly (no cache, no
        recursion; the zone's NS records come from the resolver) and says, per server, ok, old record, wrong,
        not found, timeout, SERVFAIL or refused; then says, in words, whether receivers can use it: missing, several
        TXT records at the name, syntax errors, a key cut short, revoked (empty p=), test mode (t=y) still on,
        h= excluding sha256, a key that is too short. With --key, also whether the published key is the public
        half of that private key. Exit status 0 only when the record is usable (and matches, with --key).
        """)
    {
        Examples = ["signet check-dns --domain example.com --selector s1 --key s1.example.com.pem"],
    }.With(
        CliOptions.Value("domain", "DOMAIN", "the signing domain (d=)", required: true),
        CliOptions.Value("selector", "S", "the selector (default s1)"),
        CliOptions.Value("key", "FILE", "the private key the record should publish"),
        CliOptions.Value("resolver", "HOST[:PORT]", "find the zone's name servers with this DNS server instead of the system's resolvers"),
        CliOptions.Value("keys", "FILE", "read zone-file TXT lines from FILE instead of DNS"),
        Resolvers.TimeoutOption(),
        CliOptions.Value("authoritative-port", "N", "ask the authoritative servers on this port instead of 53 (for tests that run name servers on loopback)"));

    public override async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var options = arguments;
        string domain = DomainArguments.ToAscii(options.Require("domain"), "--domain");
        string selector = options.Get("selector") ?? "s1";
        if (!DkimDnsRecordName.TryValidate(selector, domain, out string nameError))
        {
            throw new CliUsageException(nameError);
        }

        using DkimPrivateKey? key = options.Get("key") is { } path ? KeyFiles.Read(path) : null;
        string name = DkimDnsRecordName.For(selector, domain);
        if (options.Get("keys") is { } keysFile)
        {
            var lookup = await Resolvers.FromKeysFile(keysFile).LookupTxtAsync(name, cancellationToken).ConfigureAwait(false);
            return Report(console, name, DkimRecordDiagnostician.Diagnose(name, lookup, key?.PublicKey));
        }

        var resolver = Resolvers.OptionsFrom(options.Get("resolver"), options.Get("timeout"), options.Get("authoritative-port"));
        var answers = await new AuthoritativeTxtLookup(resolver).LookupAsync(name, cancellationToken).ConfigureAwait(false);
        return ReportAuthoritative(console, name, answers, key?.PublicKey);
    }

    private static int Report(CliConsole console, string name, DkimRecordDiagnosis diagnosis)
    {
        WriteFindings(console, diagnosis);
        bool usable = diagnosis.IsUsable && diagnosis.MatchesExpectedKey != false;
        console.WriteLine(usable ? $"ok: {name} is usable" : $"not usable: {name}");
        return usable ? ExitCodes.Success : ExitCodes.Failure;
    }

    // Every authoritative server is asked directly, so the answer is what they serve now, not a resolver's cache.
    private static int ReportAuthoritative(CliConsole console, string name, AuthoritativeTxtAnswers answers, DkimPublicKey? expectedKey)
    {
        if (answers.Failure.Length > 0)
        {
            console.WriteLine($"error: {answers.Failure}");
            console.WriteLine($"not usable: {name} (nothing could be checked)");
            return ExitCodes.Failure;
        }

        var verdicts = AuthoritativeVerdict.Judge(answers, expectedKey);
        console.WriteLine($"asked the authoritative servers of {answers.Zone}: {answers.ServersAsked}");
        foreach (var verdict in verdicts)
        {
            console.WriteLine($"{verdict.Answer.Server}: {verdict.Word}{(verdict.Word is "ok" or "old record" or "wrong" or "differs" ? string.Empty : $" ({verdict.Answer.Reason})")}");
        }

        var shown = verdicts.FirstOrDefault(v => !v.IsOk && v.Diagnosis.Record is not null) ?? verdicts.FirstOrDefault(v => !v.IsOk) ?? verdicts[0];
        WriteFindings(console, shown.Diagnosis);
        var failing = verdicts.Where(v => !v.IsOk).ToList();
        console.WriteLine(failing.Count == 0
            ? $"ok: {name} is usable on every authoritative server"
            : $"not usable: {name} ({string.Join("; ", failing.Select(v => $"{v.Answer.Server} {v.Word}"))})");
        return failing.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void WriteFindings(CliConsole console, DkimRecordDiagnosis diagnosis)
    {
        foreach (var finding in diagnosis.Findings)
        {
            console.WriteLine($"{finding.Severity.ToString().ToLowerInvariant()}: {finding.Message}");
        }
    }
}
