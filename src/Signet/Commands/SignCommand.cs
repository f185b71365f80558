using Signet.Cli;
using Signet.Dkim.Canonicalization;
using Signet.Dkim.Keys;
using Signet.Dkim.Signing;
using Signet.Store.Security;

namespace Signet.Commands;

/// <summary><c>signet sign</c>: the message with DKIM-Signature fields added at the top, byte for byte otherwise.</summary>
public sealed class SignCommand : ICliCommand
{
    /// <summary>The body is written after its signature is computed, so it is held until then: in memory up to 8 MiB,
    /// in a spool file above, so signing a 1 GB message does not take 1 GB of memory.</summary>
    private const int SpoolMemoryThreshold = 8 * 1024 * 1024;

    private static readonly CliAction Syntax = new("", ["key", "selector", "domain", "canon", "headers", "expire", "in", "out"], []);

    public string Name => "sign";

    public IReadOnlyList<CliAction> Actions => [Syntax];

    public string Summary => "sign a message (standard input to standard output by default)";

    public string Help => """
        Usage: signet sign --key FILE --domain DOMAIN [--selector s1] [--key FILE2 --selector S2 ...]
                           [--canon relaxed/relaxed] [--headers From,To,Subject,...] [--expire 7d]
                           [--in FILE] [--out FILE]

        Signs a message with one or more keys in one pass and writes it out unchanged but for the
        DKIM-Signature header fields added at the top, in the message's own line ending (CRLF or LF).
        Each --key takes the --selector that follows it (s1 when none does). Large messages are spooled to
        a temporary file, so memory stays bounded.

          --canon H/B      header/body canonicalization: relaxed or simple (default relaxed/relaxed)
          --headers LIST   the header fields to sign, comma-separated (default: From, To, Cc, Subject, Date,
                           Message-ID, Reply-To, MIME and List-* fields; From, To, Cc, Subject, Date, Reply-To
                           and Message-ID are oversigned so none can be added). Received and Return-Path are refused.
          --expire D       add x= that long after t= (3600, 90m, 12h, 7d, 2w); no expiry by default

        Example (the usual RSA + Ed25519 pair):
          signet sign --domain example.com --key rsa.pem --selector s1 --key ed.pem --selector s2 < in.eml > out.eml
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var options = Syntax.Parse(args);
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
