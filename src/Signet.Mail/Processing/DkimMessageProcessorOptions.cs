using System.Net;
using Signet.Dkim.Messages;

namespace Signet.Mail.Processing;

/// <summary>The settings the DKIM step needs, whichever protocol carries the message. The milter and the relay each
/// validate their own options and build these from them, so both decide by the same rules.</summary>
public sealed record DkimMessageProcessorOptions
{
    /// <summary>The authserv-id written in Authentication-Results and removed from incoming fields that claim it.</summary>
    public required string AuthservId { get; init; }

    /// <summary>Clients whose mail is ours to sign without SMTP authentication.</summary>
    public required IReadOnlyList<IPNetwork> InternalNetworks { get; init; }

    public MailFailureAction SigningFailureAction { get; init; } = MailFailureAction.TempFail;

    public MailFailureAction VerificationFailureAction { get; init; } = MailFailureAction.Accept;

    /// <summary>When an authenticated sender may not have the message signed: reject (550 5.7.1) by default.</summary>
    public UnauthorizedSenderAction UnauthorizedSenderAction { get; init; } = UnauthorizedSenderAction.Reject;

    public long MaximumVerifiedMessageSize { get; init; } = 64L * 1024 * 1024;

    public int MaximumSignatures { get; init; } = 10;

    public int MaximumHeaderSize { get; init; } = DkimHeaderSectionBuffer.DefaultMaximumBytes;
}
