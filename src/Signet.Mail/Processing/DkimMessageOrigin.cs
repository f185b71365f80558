using System.Net;

namespace Signet.Mail.Processing;

/// <summary>Where a message comes from, as the protocol in front (milter or SMTP relay) knows it: what decides between
/// signing and verifying, and what the signing policy may look at.</summary>
/// <param name="QueueId">The identifier that names the message in logs (the MTA's queue id, or the relay's own).</param>
/// <param name="AuthenticatedUser">The SMTP AUTH identity, when the client authenticated.</param>
/// <param name="ClientAddress">The SMTP client's IP address, when known.</param>
/// <param name="EnvelopeSender">The MAIL FROM address.</param>
public sealed record DkimMessageOrigin(
    string? QueueId,
    string? AuthenticatedUser,
    IPAddress? ClientAddress,
    string? EnvelopeSender);
