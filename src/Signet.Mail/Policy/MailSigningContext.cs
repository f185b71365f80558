using System.Net;
using Signet.Dkim.Messages;

namespace Signet.Mail.Policy;

/// <summary>What the signing policy may look at: the parsed header (From above all) and the envelope.</summary>
public sealed record MailSigningContext(
    DkimMessageHeader Header,
    string? QueueId,
    string? AuthenticatedUser,
    IPAddress? ClientAddress,
    string? EnvelopeSender);
