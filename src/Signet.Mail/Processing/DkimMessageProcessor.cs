using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Dkim.Verification;
using Signet.Mail.Policy;

namespace Signet.Mail.Processing;

/// <summary>The DKIM work on a message, apart from the protocol that carries it: outbound mail (authenticated or
/// internal clients) is signed with the keys the signing policy names, other mail is verified and gets an
/// Authentication-Results field. The milter and the SMTP relay both feed messages through here, so they sign and
/// verify by the same policy and code. One instance serves many messages at once; it shares the verifier (and so its
/// key cache).</summary>
public sealed class DkimMessageProcessor
{
    /// <exception cref="ArgumentException">The options are not usable; the message lists every problem.</exception>
    public DkimMessageProcessor(
        MailOptions options,
        IMailSigningPolicy signingPolicy,
        ITxtRecordSource keySource,
        IOrganizationalDomainResolver organizationalDomains,
        ILogger? logger = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid mail options: " + string.Join("; ", errors), nameof(options));
        }

        Options = options;
        SigningPolicy = signingPolicy ?? throw new ArgumentNullException(nameof(signingPolicy));
        OrganizationalDomains = organizationalDomains ?? throw new ArgumentNullException(nameof(organizationalDomains));
        ArgumentNullException.ThrowIfNull(keySource);
        Time = time ?? TimeProvider.System;
        Verifier = new DkimVerifier(keySource, DkimVerifierOptions.Default with { MaximumSignatures = options.MaximumSignatures }, Time);
        Logger = logger ?? NullLogger.Instance;
        InternalNetworks = options.ParseInternalNetworks();
        Classifier = new DkimDirectionClassifier(InternalNetworks);
    }

    public MailOptions Options { get; }

    /// <summary>The clients whose mail is ours to sign (<see cref="MailOptions.InternalNetworks"/>, parsed).</summary>
    public IReadOnlyList<IPNetwork> InternalNetworks { get; }

    internal IMailSigningPolicy SigningPolicy { get; }

    internal IOrganizationalDomainResolver OrganizationalDomains { get; }

    internal TimeProvider Time { get; }

    /// <summary>The one verifier (with its parsed-key cache) for every message of every front end on this processor.</summary>
    public DkimVerifier Verifier { get; }

    internal ILogger Logger { get; }

    internal DkimDirectionClassifier Classifier { get; }

    /// <summary>Starts one message: feed it every header field, then end of headers, the body, and completion.</summary>
    public DkimMessageProcessing Begin() => new(this);
}
