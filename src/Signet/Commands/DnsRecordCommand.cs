using Signet.Cli;
using Signet.Commands.Store;
using Signet.Dkim.DnsText;
using Signet.Dkim.Keys;

namespace Signet.Commands;

/// <summary><c>signet dns-record</c>: the record name and TXT value to publish for a key.</summary>
public sealed class DnsRecordCommand : CliCommand
{
    protected override CliCommandDefinition Define() => new CliCommandDefinition(
        "dns-record",
        "print the DNS record (name and TXT value) to publish for a key",
        """
        Prints the TXT record that publishes the key in FILE: a private key (its public half is published) or a
        public key file (-----BEGIN PUBLIC KEY-----, as openssl pkey -pubout writes it). DOMAIN may be
        an IDN (bücher.example); the record name is written in A-labels (xn--bcher-kva.example).
        For value, quoted and escaped, the record name is on the first line and the value on the second.
        """)
    {
        Notes = """
        Formats:
          value     the plain TXT value (the "DKIM DNS string"), for DNS panels that take it as is (default)
          quoted    split into quoted strings of at most 255 bytes, as zone files and most APIs want
          escaped   quoted and split, with ; " and \ escaped with a backslash, for DNS panels that need the value escaped
          zone      one complete zone-file line (BIND, nsd, Knot)
          json      an object with name, type, ttl, value and strings
        """,
        Examples = ["signet dns-record --key s1.example.com.pem --domain example.com --selector s1 --format zone"],
    }.With(
        CliOptions.Value("key", "FILE", "the private key, or a public key file", required: true),
        CliOptions.Value("domain", "DOMAIN", "the signing domain (d=)", required: true),
        CliOptions.Value("selector", "S", "the selector (s=; default s1)"),
        CliOptions.Choice("format", "how to write the record (default value; see Formats below)", StringComparer.OrdinalIgnoreCase, DnsFormats.Names),
        CliOptions.Value("ttl", "SECONDS", "the TTL written with the record (default 3600)"));

    public override Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var options = arguments;
        var publicKey = KeyFiles.ReadPublic(options.Require("key"));
        string domain = DomainArguments.ToAscii(options.Require("domain"), "--domain");
        string selector = options.Get("selector") ?? "s1";
        if (!DkimDnsRecordName.TryValidate(selector, domain, out string error))
        {
            throw new CliUsageException(error);
        }

        var format = DnsFormats.Parse(options.Get("format") ?? "value");
        int ttl = options.Get("ttl") is { } ttlText
            ? int.TryParse(ttlText, out int parsed) && parsed > 0 ? parsed : throw new CliUsageException($"--ttl {ttlText}: expected a number of seconds")
            : 3600;
        string name = DkimDnsRecordName.For(selector, domain);
        string value = DkimKeyRecord.Format(publicKey);
        string text = DkimDnsTextFormatter.Format(name, value, format, ttl);
        console.WriteLine(format is DkimDnsTextFormat.Zone or DkimDnsTextFormat.Json ? text : name + "\n" + text);
        return Task.FromResult(ExitCodes.Success);
    }
}
