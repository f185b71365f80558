using System.Net;
using Signet.Dkim.Messages;

namespace Signet.Milter.Dkim;

/// <summary>The settings the DKIM step needs, whichever protocol carries the message. The milter and the relay each
/// validate their own options and build these from them, so both decide by the same rules.</summary>
public sealed record DkimMessageProcessorOptions
{
    /// <summary>The authserv-id written in Authentication-Results and removed from incoming fields that claim it.</summary>
    public required string AuthservId { get; init; }

    /// <summary>Clients whose mail is ours to sign without SMTP authentication.</summary>
    public required IReadOnlyList<IPNetwork> InternalNetworks { get; init; }

    public MilterFailureAction SigningFailureAction { get; init; } = MilterFailureAction.TempFail;

    public MilterFailureAction VerificationFailureAction { get; init; } = MilterFailureAction.Accept;

    /// <summary>When an authenticated sender may not have the message signed: reject (550 5.7.1) by default.</summary>
    public UnauthorizedSenderAction UnauthorizedSenderAction { get; init; } = UnauthorizedSenderAction.Reject;

    public long MaximumVerifiedMessageSize { get; init; } = 64L * 1024 * 1024;

    public int MaximumSignatures { get; init; } = 10;

    public int MaximumHeaderSize { get; init; } = DkimHeaderSectionBuffer.DefaultMaximumBytes;

    /// <summary>The milter's settings (validated by the caller).</summary>
    public static DkimMessageProcessorOptions From(MilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DkimMessageProcessorOptions
        {
            AuthservId = options.AuthservId,
            InternalNetworks = options.ParseInternalNetworks(),
            SigningFailureAction = options.SigningFailureAction,
            VerificationFailureAction = options.VerificationFailureAction,
            UnauthorizedSenderAction = options.UnauthorizedSenderAction,
            MaximumVerifiedMessageSize = options.MaximumVerifiedMessageSize,
            MaximumSignatures = options.MaximumSignatures,
            MaximumHeaderSize = options.MaximumHeaderSize,
        };
    }
}
