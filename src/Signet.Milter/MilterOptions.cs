using System.Net;
using Signet.Milter.Server;

namespace Signet.Milter;

/// <summary>The milter's own settings, with the reason for each default beside it. Check them with
/// <see cref="Validate"/> at start. What it shares with the relay (authserv-id, internal networks, failure actions,
/// message limits) is in <see cref="Mail.MailOptions"/>.</summary>
/// <remarks>Settable properties, not init-only: the configuration binder's source generator (which serve uses, for
/// Native AOT) silently skips init-only ones.</remarks>
public sealed record MilterOptions
{
    /// <summary>"host:port", "inet:port@host" or "unix:/path". Loopback by default: the MTA runs on this host, and a
    /// milter is not to be reachable from the network.</summary>
    public string Listen { get; set; } = "127.0.0.1:8891";

    /// <summary>The group that owns the Unix socket (<c>--milter-socket-group</c>, e.g. <c>postfix</c>): the socket is
    /// created mode 0660, so the MTA in this group may connect and other local users may not. None keeps the service's
    /// own group.</summary>
    public string? SocketGroup { get; set; }

    /// <summary>Lets a TCP listener bind a non-loopback address. Off by default: whoever reaches the milter socket speaks
    /// for the MTA (its client addresses and {auth_authen} decide what is signed), so it must be reachable by the MTA
    /// alone; an MTA on another host is a decision to make explicitly, behind a firewall.</summary>
    public bool AllowNetworkListener { get; set; }

    /// <summary>Larger packets close the connection: see <see cref="Protocol.MilterFraming.DefaultMaximumPacketSize"/>.</summary>
    public int MaximumPacketSize { get; set; } = Protocol.MilterFraming.DefaultMaximumPacketSize;

    /// <summary>Milter connections served at once; more are closed at once (the MTA applies milter_default_action), so
    /// they do not queue in the backlog.</summary>
    public int MaximumSessions { get; set; } = 512;

    /// <summary>Milter connections served at once from one TCP client address. The MTA is normally the only client, so
    /// this is the total by default; lower it when several MTAs share one Signet. Unix-socket clients count only in the total.</summary>
    public int MaximumSessionsPerClient { get; set; } = 512;

    /// <summary>A connection that sends nothing for this long is closed. Postfix keeps a milter connection for a whole
    /// SMTP session, idle between messages, and its smtpd_timeout is 300 s; this is well above it.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

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

        AddIfNotPositive(errors, nameof(MaximumSessions), MaximumSessions);
        AddIfNotPositive(errors, nameof(MaximumSessionsPerClient), MaximumSessionsPerClient);
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

    private static void AddIfNotPositive(List<string> errors, string name, long value)
    {
        if (value <= 0)
        {
            errors.Add(name + " must be positive");
        }
    }
}
