using System.Net;
using Signet.Dkim.Messages;

namespace Signet.Mail;

/// <summary>The settings of the DKIM step that the milter and the relay share (the <c>Mail</c> section of
/// <c>signet serve</c>), with the reason for each default beside it: both front ends sign and verify by these, so they
/// are set once. Check them with <see cref="Validate"/> at start.</summary>
/// <remarks>Settable properties, not init-only: the configuration binder's source generator (which serve uses, for
/// Native AOT) silently skips init-only ones.</remarks>
public sealed record MailOptions
{
    /// <summary>The authserv-id written in Authentication-Results (RFC 8601 §2.5): this host's name by default. Fields
    /// that already claim it are removed from incoming mail (§5).</summary>
    public string AuthservId { get; set; } = Dns.GetHostName();

    /// <summary>Clients whose mail is ours to sign even without SMTP authentication, as CIDR blocks; the relay also
    /// believes their XFORWARD (an MTA in front naming the original client). Loopback is internal by default: on an MTA
    /// host, loopback clients are local programs (sendmail(1), pickup, web apps) whose mail leaves as ours; Postfix
    /// announces mail submitted with sendmail(1) as 127.0.0.1. A client over a Unix socket is not ours unless it
    /// authenticated.</summary>
    public IReadOnlyList<string> InternalNetworks { get; set; } = ["127.0.0.0/8", "::1/128"];

    /// <summary>When a message to sign cannot be signed (internal error, signing policy unavailable): tempfail by
    /// default, so nothing that should be signed leaves unsigned (the client keeps it and retries).</summary>
    public MailFailureAction SigningFailureAction { get; set; } = MailFailureAction.TempFail;

    /// <summary>When an incoming message cannot be verified for an internal reason: accept by default, because
    /// verification only informs; DNS failures are not internal errors and give dkim=temperror.</summary>
    public MailFailureAction VerificationFailureAction { get; set; } = MailFailureAction.Accept;

    /// <summary>When an authenticated user sends a message whose From domain is not one of theirs: reject by default
    /// (550 5.7.1 with the reason), because signing it would let one tenant speak, aligned, for another's domain.</summary>
    public UnauthorizedSenderAction UnauthorizedSenderAction { get; set; } = UnauthorizedSenderAction.Reject;

    /// <summary>Larger messages are not verified (a logged reason, no result written): hashing is cheap, but a huge
    /// body ties a session up for little value.</summary>
    public long MaximumVerifiedMessageSize { get; set; } = 64L * 1024 * 1024;

    /// <summary>Signatures checked per message, and so DNS lookups per message; the rest get neutral.</summary>
    public int MaximumSignatures { get; set; } = 10;

    /// <summary>The header section is kept in memory to be signed or verified; larger sections follow the failure
    /// action. Postfix's own limit is 100 KiB of header.</summary>
    public int MaximumHeaderSize { get; set; } = DkimHeaderSectionBuffer.DefaultMaximumBytes;

    /// <summary>Every problem with these options, in words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(AuthservId) || AuthservId.Any(c => c is <= ' ' or >= (char)127 or ';' or '(' or ')'))
        {
            errors.Add("AuthservId must be a host name (RFC 8601 §2.5), without spaces, ';' or parentheses");
        }

        foreach (string network in InternalNetworks ?? [])
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                errors.Add($"InternalNetworks: \"{network}\" is not a CIDR block such as 192.0.2.0/24 or 2001:db8::/32");
            }
        }

        if (MaximumVerifiedMessageSize <= 0)
        {
            errors.Add(nameof(MaximumVerifiedMessageSize) + " must be positive");
        }

        if (MaximumSignatures <= 0)
        {
            errors.Add(nameof(MaximumSignatures) + " must be positive");
        }

        if (MaximumHeaderSize < 1024)
        {
            errors.Add("MaximumHeaderSize must be at least 1024 bytes");
        }

        return errors;
    }

    /// <summary>The internal networks, parsed (call after <see cref="Validate"/> found no error).</summary>
    public IReadOnlyList<IPNetwork> ParseInternalNetworks() => (InternalNetworks ?? []).Select(n => IPNetwork.Parse(n)).ToList();
}
