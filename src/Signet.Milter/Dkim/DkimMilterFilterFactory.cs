using Microsoft.Extensions.Logging;
using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Mail;
using Signet.Mail.Policy;
using Signet.Mail.Processing;
using Signet.Milter.Protocol;
using Signet.Milter.Server;

namespace Signet.Milter.Dkim;

/// <summary>Makes a <see cref="DkimMilterFilter"/> for each milter connection, sharing the verifier (its key cache),
/// the signing policy and the settings.</summary>
public sealed class DkimMilterFilterFactory : IMilterFilterFactory
{
    /// <summary>Headers are added, inserted and deleted; helo, recipients, DATA and unknown commands are not needed;
    /// connect, mail, header, end-of-header and body are not answered (their replies would always be "continue");
    /// header values come with their leading space so header fields are rebuilt byte for byte.</summary>
    public static MilterFilterProfile DkimProfile { get; } = new(
        MilterActions.AddHeaders | MilterActions.ChangeHeaders,
        MilterProtocolSteps.NoHelo | MilterProtocolSteps.NoRecipient | MilterProtocolSteps.NoData | MilterProtocolSteps.NoUnknown
        | MilterProtocolSteps.NoReplyConnect | MilterProtocolSteps.NoReplyMail | MilterProtocolSteps.NoReplyHeader
        | MilterProtocolSteps.NoReplyEndOfHeaders | MilterProtocolSteps.NoReplyBody | MilterProtocolSteps.HeaderLeadingSpace);

    /// <summary>A filter factory on <paramref name="processor"/>, which may be shared with other front ends.</summary>
    /// <exception cref="ArgumentException">The milter options are not usable; the message lists every problem.</exception>
    public DkimMilterFilterFactory(MilterOptions options, DkimMessageProcessor processor)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid milter options: " + string.Join("; ", errors), nameof(options));
        }

        Options = options;
        Processor = processor ?? throw new ArgumentNullException(nameof(processor));
    }

    /// <summary>A filter factory with a DKIM step of its own, built from <paramref name="mail"/>.</summary>
    public DkimMilterFilterFactory(
        MilterOptions options,
        MailOptions mail,
        IMailSigningPolicy signingPolicy,
        ITxtRecordSource keySource,
        IOrganizationalDomainResolver organizationalDomains,
        ILogger? logger = null,
        TimeProvider? time = null)
        : this(options, new DkimMessageProcessor(mail, signingPolicy, keySource, organizationalDomains, logger, time))
    {
    }

    public MilterFilterProfile Profile => DkimProfile;

    internal MilterOptions Options { get; }

    /// <summary>The DKIM work, shared with every other front end built on the same processor.</summary>
    internal DkimMessageProcessor Processor { get; }

    public IMilterFilter Create() => new DkimMilterFilter(this);
}
