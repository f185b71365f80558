using Microsoft.Extensions.Logging;
using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
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

    public DkimMilterFilterFactory(
        MilterOptions options,
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
            throw new ArgumentException("invalid milter options: " + string.Join("; ", errors), nameof(options));
        }

        Options = options;
        Processor = new DkimMessageProcessor(options.ToProcessorOptions(), signingPolicy, keySource, organizationalDomains, logger, time);
    }

    public MilterFilterProfile Profile => DkimProfile;

    internal MilterOptions Options { get; }

    /// <summary>The DKIM work, shared with every other front end built on the same processor.</summary>
    internal DkimMessageProcessor Processor { get; }

    public IMilterFilter Create() => new DkimMilterFilter(this);
}
