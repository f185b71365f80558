using Signet.Cli;
using Signet.Dkim.DnsText;
using Signet.Dkim.Keys;

namespace Signet.Commands;

/// <summary><c>signet dns-record</c>: the record name and TXT value to publish for a key.</summary>
public sealed class DnsRecordCommand : ICliCommand
{
    private static readonly CliAction Syntax = new("", ["key", "domain", "selector", "format", "ttl"], []);

    public string Name => "dns-record";

    public IReadOnlyList<CliAction> Actions => [Syntax];

    public string Summary => "print the DNS record (name and TXT value) to publish for a key";

    public string Help => """
        Usage: signet dns-record --key FILE --domain DOMAIN [--selector s1] [--format value|quoted|escaped|zone|json] [--ttl 3600]

        Prints the TXT record that publishes the key in FILE: a private key (its public half is published) or a
        public key file (-----BEGIN PUBLIC KEY-----, as openssl pkey -pubout writes it). DOMAIN may be
        an IDN (bücher.example); the record name is written in A-labels (xn--bcher-kva.example).
        For value, quoted and escaped, the record name is on the first line and the value on the second.

          --format value     the plain TXT value (the "DKIM DNS string"), for DNS panels that take it as is (default)
          --format quoted    split into quoted strings of at most 255 bytes, as zone files and most APIs want
          --format escaped   quoted and split, with ; " and \ escaped with a backslash, for DNS panels that
                             need the value escaped
          --format zone      one complete zone-file line (BIND, nsd, Knot)
          --format json      an object with name, type, ttl, value and strings

        Example:
          signet dns-record --key s1.example.com.pem --domain example.com --selector s1 --format zone
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var options = Syntax.Parse(args);
        var publicKey = KeyFiles.ReadPublic(options.Require("key"));
        string domain = DomainArguments.ToAscii(options.Require("domain"), "--domain");
        string selector = options.Get("selector") ?? "s1";
        if (!DkimDnsRecordName.TryValidate(selector, domain, out string error))
        {
            throw new CliUsageException(error);
        }

        var format = ParseFormat(options.Get("format") ?? "value");
        int ttl = options.Get("ttl") is { } ttlText
            ? int.TryParse(ttlText, out int parsed) && parsed > 0 ? parsed : throw new CliUsageException($"--ttl {ttlText}: expected a number of seconds")
            : 3600;
        string name = DkimDnsRecordName.For(selector, domain);
        string value = DkimKeyRecord.Format(publicKey);
        string text = DkimDnsTextFormatter.Format(name, value, format, ttl);
        console.WriteLine(format is DkimDnsTextFormat.Zone or DkimDnsTextFormat.Json ? text : name + "\n" + text);
        return Task.FromResult(ExitCodes.Success);
    }

    private static DkimDnsTextFormat ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "value" => DkimDnsTextFormat.Value,
        "quoted" => DkimDnsTextFormat.Quoted,
        "escaped" => DkimDnsTextFormat.Escaped,
        "zone" => DkimDnsTextFormat.Zone,
        "json" => DkimDnsTextFormat.Json,
        _ => throw new CliUsageException($"--format {text}: expected value, quoted, escaped, zone or json"),
    };
}
