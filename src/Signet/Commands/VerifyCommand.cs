using System.Text.Json;
using Signet.Admin.Api;
using Signet.Admin.Api.Check;
using Signet.Cli;
using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Dkim.Results;
using Signet.Dkim.Verification;

namespace Signet.Commands;

/// <summary><c>signet verify</c>: every DKIM signature checked, as an Authentication-Results field or JSON.</summary>
public sealed class VerifyCommand : CliCommand
{
    protected override CliCommandDefinition Define() => new CliCommandDefinition(
        "verify",
        "verify every DKIM signature of a message and print Authentication-Results",
        """
        Checks each DKIM-Signature of the message (standard input by default) and prints an
        Authentication-Results header field with one dkim= result per signature, its reason in words, and
        whether its d= is aligned with the From domain (relaxed alignment, RFC 9989). A first line starting
        "From " (the mbox separator of a message saved from a mailbox, RFC 4155) is skipped.
        """)
    {
        Notes = """
        Exit status: 0 when at least one signature passes; 75 when none passes and a DNS lookup failed
        temporarily (try again later); 1 otherwise, including a message with no signature; 2 for unusable
        arguments or input.
        """,
        Examples = ["signet verify --resolver 127.0.0.1:5353 --in message.eml"],
    }.With(
        CliOptions.Value("resolver", "HOST[:PORT]", "look keys up with this DNS server (default: the system's resolvers); the organizational domain is then found with the DMARC DNS tree walk"),
        CliOptions.Value("keys", "FILE", "read keys from zone-file TXT lines (NAME. IN TXT \"chunk\" \"chunk\") instead of DNS; alignment then uses the public suffix list shipped with Signet"),
        CliOptions.Value("at", "TIME", "verify as of a Unix time or ISO 8601 date (for old messages and test vectors)"),
        CliOptions.Flag("json", "print {\"from\": ..., \"signatures\": [{domain, selector, algorithm, result, reason, aligned}]} instead"),
        CliOptions.Value("in", "FILE", "read the message from FILE instead of standard input"),
        CliOptions.Value("authserv-id", "NAME", "the name in Authentication-Results (default: this host's name)"),
        Resolvers.TimeoutOption(),
        CliOptions.Value("public-suffix-list", "FILE", "with --keys: a newer public suffix list (publicsuffix.org format) than the copy shipped with Signet"));

    public override async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var options = arguments;
        if (options.Has("keys") && options.Has("resolver"))
        {
            throw new CliUsageException("--keys and --resolver exclude each other: keys come either from a file or from DNS");
        }

        TimeProvider time = options.Get("at") is { } at ? new FixedTimeProvider(Durations.ParseTime(at, "--at")) : TimeProvider.System;
        ITxtRecordSource source;
        IOrganizationalDomainResolver organizationalDomains;
        if (options.Get("keys") is { } keysFile)
        {
            source = Resolvers.FromKeysFile(keysFile);
            organizationalDomains = new PublicSuffixListResolver(LoadPublicSuffixList(options.Get("public-suffix-list")));
        }
        else
        {
            if (options.Has("public-suffix-list"))
            {
                throw new CliUsageException("--public-suffix-list applies with --keys: with DNS, the organizational domain comes from the DMARC tree walk (RFC 9989)");
            }

            source = Resolvers.FromOption(options.Get("resolver"), options.Get("timeout"));
            organizationalDomains = new DmarcTreeWalkResolver(new DmarcTreeWalk(source));
        }

        await using var input = Streams.OpenInput(options.Get("in"), console);
        var message = await MessageInput.ReadAsync(input, skipMboxSeparator: true, cancellationToken).ConfigureAwait(false);
        var verifier = new DkimVerifier(source, DkimVerifierOptions.Default, time);
        using var verification = verifier.Begin(message.Header, cancellationToken);
        await message.ReadBodyAsync(chunk => verification.AppendBody(chunk.Span), cancellationToken).ConfigureAwait(false);
        string authservId = options.Get("authserv-id") ?? Environment.MachineName.ToLowerInvariant();
        var authentication = await DkimMessageAuthenticator.CompleteAsync(
            message.Header, verification, organizationalDomains, authservId, "\n", cancellationToken).ConfigureAwait(false);

        console.WriteLine(options.Has("json")
            ? JsonSerializer.Serialize(MessageReportView.Create(authentication.Report), ApiJsonContext.Default.MessageReportView)
            : authentication.AuthenticationResultsText);
        return ExitStatus(authentication.Results);
    }

    private static PublicSuffixList LoadPublicSuffixList(string? path)
    {
        if (path is null)
        {
            return PublicSuffixList.Embedded;
        }

        try
        {
            using var stream = File.OpenRead(path);
            return PublicSuffixList.Load(stream);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CliUsageException($"--public-suffix-list {path}: {exception.Message}");
        }
    }

    private static int ExitStatus(IReadOnlyList<DkimSignatureResult> results)
    {
        if (results.Any(r => r.Status == DkimResultStatus.Pass))
        {
            return ExitCodes.Success;
        }

        return results.Any(r => r.Status == DkimResultStatus.TempError) ? ExitCodes.TemporaryFailure : ExitCodes.Failure;
    }
}
