using Signet.Cli;
using Signet.Dkim.Canonicalization;
using Signet.Dkim.Keys;
using Signet.Dkim.Signing;
using Signet.Store.Security;

namespace Signet.Commands;

/// <summary><c>signet sign</c>: the message with DKIM-Signature fields added at the top, byte for byte otherwise.</summary>
public sealed class SignCommand : CliCommand
{
    /// <summary>The body is written after its signature is computed, so it is held until then: in memory up to 8 MiB,
    /// in a spool file above, so signing a 1 GB message does not take 1 GB of memory.</summary>
    private const int SpoolMemoryThreshold = 8 * 1024 * 1024;

    protected override CliCommandDefinition Define() => new CliCommandDefinition(
        "sign",
        "sign a message (standard input to standard output by default)",
        """
        Signs a message with one or more keys in one pass and writes it out unchanged but for the
        DKIM-Signature header fields added at the top, in the message's own line ending (CRLF or LF).
        Each --key takes the --selector that follows it (s1 when none does). Large messages are spooled to
        a temporary file, so memory stays bounded.
        """)
    {
        Examples = ["signet sign --domain example.com --key rsa.pem --selector s1 --key ed.pem --selector s2 < in.eml > out.eml   # the usual RSA + Ed25519 pair"],
    }.With(
        CliOptions.Repeatable("key", "FILE", "a private key to sign with (PKCS#8 or PKCS#1 PEM); give several for several signatures", required: true),
        CliOptions.Value("domain", "DOMAIN", "the signing domain (d=)", required: true),
        CliOptions.Repeatable("selector", "S", "the selector of the --key before it (default s1)"),
        CliOptions.Value("canon", "H/B", "header/body canonicalization: relaxed or simple (default relaxed/relaxed)"),
        CliOptions.Value("headers", "LIST", HeadersHelp),
        CliOptions.Value("expire", "D", "add x= that long after t= (3600, 90m, 12h, 7d, 2w); no expiry by default"),
        CliOptions.Value("in", "FILE", "read the message from FILE instead of standard input"),
        CliOptions.Value("out", "FILE", "write the signed message to FILE instead of standard output"));

    // Read from the signer's own lists, so the help says what the code signs and oversigns (RFC 6376 §5.4.2, §8.15).
    private static string HeadersHelp =>
        $"the header fields to sign, comma-separated (default: {string.Join(", ", DkimSignedHeaderPolicy.DefaultSigned)}, each when present; "
        + $"{CliOptions.Listing(DkimSignedHeaderPolicy.DefaultOversigned, "and")} are oversigned so none can be added). "
        + $"{CliOptions.Listing(DkimSignedHeaderPolicy.NeverSigned, "and")} are refused: relays add or rewrite them.";

    public override async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var options = arguments;
        var keys = ReadKeys(options);
        try
        {
            var signer = CreateSigner(options, keys);
            await using var input = Streams.OpenInput(options.Get("in"), console);
            var message = await MessageInput.ReadAsync(input, cancellationToken).ConfigureAwait(false);
            using var signing = signer.Begin(message.Header);
            await using var spool = new MessageSpool(SpoolMemoryThreshold);
            await message.ReadBodyAsync(chunk =>
            {
                signing.AppendBody(chunk.Span);
                spool.Write(chunk.Span);
            }, cancellationToken).ConfigureAwait(false);
            var signatures = signing.Complete();

            await using var output = Streams.OpenOutput(options.Get("out"), console);
            foreach (var field in signatures)
            {
                await output.WriteAsync(field.Raw, cancellationToken).ConfigureAwait(false);
            }

            await output.WriteAsync(message.HeaderBytes, cancellationToken).ConfigureAwait(false);
            await spool.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        finally
        {
            foreach (var (key, _) in keys)
            {
                key.Dispose();
            }
        }
    }

    // Each --key pairs with the --selector that follows it, before the next --key.
    private static List<(DkimPrivateKey Key, string Selector)> ReadKeys(CliArguments options)
    {
        var pairs = new List<(string Path, string? Selector)>();
        foreach (var (name, value) in options.InOrder)
        {
            if (name == "key")
            {
                pairs.Add((value!, null));
            }
            else if (name == "selector")
            {
                if (pairs.Count == 0 || pairs[^1].Selector is not null)
                {
                    throw new CliUsageException("each --selector must follow the --key it names");
                }

                pairs[^1] = (pairs[^1].Path, value);
            }
        }

        if (pairs.Count == 0)
        {
            throw new CliUsageException("--key is required");
        }

        var keys = new List<(DkimPrivateKey, string)>();
        foreach (var (path, selector) in pairs)
        {
            keys.Add((KeyFiles.Read(path), selector ?? "s1"));
        }

        return keys;
    }

    private static DkimSigner CreateSigner(CliArguments options, List<(DkimPrivateKey Key, string Selector)> keys)
    {
        string domain = DomainArguments.ToAscii(options.Require("domain"), "--domain");
        var canonicalization = DkimCanonicalizationPair.RelaxedRelaxed;
        if (options.Get("canon") is { } canon && !DkimCanonicalizationPair.TryParse(canon, out canonicalization))
        {
            throw new CliUsageException($"--canon {canon}: expected relaxed/relaxed, relaxed/simple, simple/relaxed or simple/simple");
        }

        var policy = DkimSignedHeaderPolicy.Default;
        if (options.Get("headers") is { } headers && !DkimSignedHeaderPolicy.TryCreate(headers.Split(',', ':'), out policy, out string headerError))
        {
            throw new CliUsageException("--headers: " + headerError);
        }

        TimeSpan? expiration = options.Get("expire") is { } expire ? Durations.ParseDuration(expire, "--expire") : null;
        var requests = keys.Select(k => new DkimSigningRequest(k.Key, domain, k.Selector)
        {
            Canonicalization = canonicalization,
            HeaderPolicy = policy,
            Expiration = expiration,
        }).ToList();
        return DkimSigner.TryCreate(requests, TimeProvider.System, out var signer, out string error)
            ? signer
            : throw new CliUsageException(error);
    }
}
