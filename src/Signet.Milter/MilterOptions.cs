using System.Net;
using Signet.Dkim.Messages;
using Signet.Mail;
using Signet.Mail.Processing;
using Signet.Milter.Server;

namespace Signet.Milter;

/// <summary>The milter's settings, with the reason for each default beside it. Check them with <see cref="Validate"/>
/// at start.</summary>
public sealed record MilterOptions
{
    /// <summary>"host:port", "inet:port@host" or "unix:/path". Loopback by default: the MTA runs on this host, and a
    /// milter is not to be reachable from the network.</summary>
    public string Listen { get; init; } = "127.0.0.1:8891";

    /// <summary>The group that owns the Unix socket (<c>--milter-socket-group</c>, e.g. <c>postfix</c>): the socket is
    /// created mode 0660, so the MTA in this group may connect and other local users may not. None keeps the service's
    /// own group.</summary>
    public string? SocketGroup { get; init; }

    /// <summary>Lets a TCP listener bind a non-loopback address. Off by default: whoever reaches the milter socket speaks
    /// for the MTA (its client addresses and {auth_authen} decide what is signed), so it must be reachable by the MTA
    /// alone; an MTA on another host is a decision to make explicitly, behind a firewall.</summary>
    public bool AllowNetworkListener { get; init; }

    /// <summary>The authserv-id written in Authentication-Results (RFC 8601 §2.5): this host's name by default. Fields
    /// that already claim it are removed from incoming mail (§5).</summary>
    public string AuthservId { get; init; } = Dns.GetHostName();

    /// <summary>Clients whose mail is ours to sign even without SMTP authentication, as CIDR blocks. Loopback is
    /// internal by default: on an MTA host, loopback clients are local programs (sendmail(1), pickup, web apps) whose
    /// mail leaves as ours; Postfix announces mail submitted with sendmail(1) as 127.0.0.1. A client over a Unix socket is not
    /// ours unless it authenticated.</summary>
    public IReadOnlyList<string> InternalNetworks { get; init; } = ["127.0.0.0/8", "::1/128"];

    /// <summary>When a message to sign cannot be signed (internal error, signing policy unavailable): tempfail by
    /// default, so nothing that should be signed leaves unsigned.</summary>
    public MailFailureAction SigningFailureAction { get; init; } = MailFailureAction.TempFail;

    /// <summary>When an incoming message cannot be verified for an internal reason: accept by default, because
    /// verification only informs; DNS failures are not internal errors and give dkim=temperror.</summary>
    public MailFailureAction VerificationFailureAction { get; init; } = MailFailureAction.Accept;

    /// <summary>When an authenticated user sends a message whose From domain is not one of theirs: reject by default
    /// (550 5.7.1 with the reason), because signing it would let one tenant speak, aligned, for another's domain.</summary>
    public UnauthorizedSenderAction UnauthorizedSenderAction { get; init; } = UnauthorizedSenderAction.Reject;

    /// <summary>Larger messages are not verified (a logged reason, no result written): hashing is cheap, but a huge
    /// body ties a session up for little value.</summary>
    public long MaximumVerifiedMessageSize { get; init; } = 64L * 1024 * 1024;

    /// <summary>Signatures checked per message, and so DNS lookups per message; the rest get neutral.</summary>
    public int MaximumSignatures { get; init; } = 10;

    /// <summary>The header section is kept in memory until end of headers; Postfix's own limit is 100 KiB of header.</summary>
    public int MaximumHeaderSize { get; init; } = DkimHeaderSectionBuffer.DefaultMaximumBytes;

    /// <summary>Larger packets close the connection: see <see cref="Protocol.MilterFraming.DefaultMaximumPacketSize"/>.</summary>
    public int MaximumPacketSize { get; init; } = Protocol.MilterFraming.DefaultMaximumPacketSize;

    /// <summary>Milter connections served at once; more are closed at once (the MTA applies milter_default_action), so
    /// they do not queue in the backlog.</summary>
    public int MaximumSessions { get; init; } = 512;

    /// <summary>Milter connections served at once from one TCP client address. The MTA is normally the only client, so
    /// this is the total by default; lower it when several MTAs share one Signet. Unix-socket clients count only in the total.</summary>
    public int MaximumSessionsPerClient { get; init; } = 512;

    /// <summary>A connection that sends nothing for this long is closed. Postfix keeps a milter connection for a whole
    /// SMTP session, idle between messages, and its smtpd_timeout is 300 s; this is well above it.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Every problem with these options, in words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!MilterEndpoint.TryParse(Listen, out var endpoint, out string endpointError))
        {
            errors.Add("Listen: " + endpointError);
        }
        else if (endpoint.EndPoint is IPEndPoint ip && !IPAddress.IsLoopback(ip.Address) && !AllowNetworkListener)
        {
            errors.Add($"Listen: {Listen} is not a loopback address, and whoever reaches the milter speaks for the MTA; use a Unix socket or loopback, or set Milter:AllowNetworkListener (--milter-allow-network true) to listen there anyway");
        }

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

        AddIfNotPositive(errors, nameof(MaximumVerifiedMessageSize), MaximumVerifiedMessageSize);
        AddIfNotPositive(errors, nameof(MaximumSignatures), MaximumSignatures);
        AddIfNotPositive(errors, nameof(MaximumSessions), MaximumSessions);
        AddIfNotPositive(errors, nameof(MaximumSessionsPerClient), MaximumSessionsPerClient);
        if (MaximumHeaderSize < 1024)
        {
            errors.Add("MaximumHeaderSize must be at least 1024 bytes");
        }

        if (MaximumPacketSize < 65536)
        {
            // MTAs send body chunks of up to 65535 bytes; a smaller limit would refuse ordinary mail.
            errors.Add("MaximumPacketSize must be at least 65536 bytes");
        }

        if (IdleTimeout <= TimeSpan.Zero)
        {
            errors.Add("IdleTimeout must be positive");
        }

        return errors;
    }

    /// <summary>The internal networks, parsed (call after <see cref="Validate"/> found no error).</summary>
    public IReadOnlyList<IPNetwork> ParseInternalNetworks() => (InternalNetworks ?? []).Select(n => IPNetwork.Parse(n)).ToList();

    /// <summary>The settings of the DKIM step, the same step the relay runs (call after <see cref="Validate"/> found no error).</summary>
    public DkimMessageProcessorOptions ToProcessorOptions() => new()
    {
        AuthservId = AuthservId,
        InternalNetworks = ParseInternalNetworks(),
        SigningFailureAction = SigningFailureAction,
        VerificationFailureAction = VerificationFailureAction,
        UnauthorizedSenderAction = UnauthorizedSenderAction,
        MaximumVerifiedMessageSize = MaximumVerifiedMessageSize,
        MaximumSignatures = MaximumSignatures,
        MaximumHeaderSize = MaximumHeaderSize,
    };

    private static void AddIfNotPositive(List<string> errors, string name, long value)
    {
        if (value <= 0)
        {
            errors.Add(name + " must be positive");
        }
    }
}
