using System.Net;

namespace Signet.Relay;

/// <summary>The SMTP relay's own settings, with the reason for each default beside it. Check them with
/// <see cref="Validate"/> at start. What it shares with the milter (authserv-id, internal networks, which also say whose
/// XFORWARD is believed, failure actions, message limits) is in <see cref="Mail.MailOptions"/>.</summary>
/// <remarks>Settable properties, not init-only: the configuration binder's source generator (which serve uses, for
/// Native AOT) silently skips init-only ones.</remarks>
public sealed record RelayOptions
{
    /// <summary>Where the relay listens (<c>--relay HOST:PORT</c>), an IP address or localhost. Loopback by default: as a
    /// content filter it serves the MTA on this host; a gateway open to the network says so explicitly.</summary>
    public string Listen { get; set; } = "127.0.0.1:10025";

    /// <summary>Where accepted mail goes (<c>--next-hop HOST:PORT</c>): the MTA's re-injection listener or the next
    /// mail server. No default: a relay that guesses where to send mail loses it.</summary>
    public string NextHop { get; set; } = string.Empty;

    /// <summary>The name in the greeting and the EHLO reply, and the EHLO name given to the next hop.</summary>
    public string HostName { get; set; } = Dns.GetHostName();

    /// <summary>The largest message accepted, advertised as SIZE (RFC 1870) and enforced while DATA streams. Postfix's
    /// own default is 10 MB; 64 MiB leaves room for what an MTA in front allows.</summary>
    public long MaximumMessageSize { get; set; } = 64L * 1024 * 1024;

    /// <summary>A message is kept in memory up to this size while the next hop is asked; above it the rest goes to a
    /// temporary file, so memory does not grow with message size.</summary>
    public int SpoolMemoryThreshold { get; set; } = 256 * 1024;

    /// <summary>Where spooled messages go (the system temporary folder when empty). Each file is deleted on close.</summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>A certificate for STARTTLS (RFC 3207): a PKCS#12 file (.pfx, .p12) or a PEM file holding the certificate
    /// and its key. Without one, STARTTLS is not offered.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of the PKCS#12 file, or of the encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>SMTP AUTH (RFC 4954, PLAIN and LOGIN) against the injected user authenticator. Off by default: a
    /// content filter behind an MTA gets no logins, and an open AUTH listener invites password guessing.</summary>
    public bool Authentication { get; set; }

    /// <summary>AUTH only after STARTTLS, so passwords never cross the network in clear (RFC 4954 §4). Turn off only for
    /// a listener on loopback.</summary>
    public bool AuthenticationRequiresTls { get; set; } = true;

    /// <summary>Connections served at once; more are answered 421 4.7.0 and closed, so they do not queue in the backlog.</summary>
    public int MaximumSessions { get; set; } = 256;

    /// <summary>Connections served at once from one client address, so one client cannot take every place. 100 is
    /// Postfix's default_process_limit: a Postfix in front, with all its connections from one address, never meets it.</summary>
    public int MaximumSessionsPerClient { get; set; } = 100;

    /// <summary>How long to wait for a client command once the client has sent one. RFC 5321 §4.5.3.2.7 asks servers
    /// for at least 5 minutes.</summary>
    public TimeSpan ClientTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a client that has sent nothing since the greeting is kept: 30 seconds. The 5 minutes of RFC
    /// 5321 are for clients in a conversation; a socket that never spoke would otherwise hold a place that long, and a
    /// few hundred of them would shut everyone else out.</summary>
    public TimeSpan SilentClientTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for each next-hop reply before the client gets a 4xx. RFC 5321 §4.5.3.2 gives the
    /// end of DATA 10 minutes; we wait less, because our own client is waiting on us.</summary>
    public TimeSpan NextHopTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Every problem with these options, in words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!RelayHostPort.TryParse(Listen, out var listen, out string listenError))
        {
            errors.Add("Listen: " + listenError);
        }
        else if (!listen.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && listen.Host != "*" && !IPAddress.TryParse(listen.Host, out _))
        {
            // Binding to a name would depend on DNS at start; an address says exactly where mail is exposed.
            errors.Add($"Listen: \"{listen.Host}\" is not an IP address (or localhost, or *)");
        }

        if (!RelayHostPort.TryParse(NextHop, out _, out string nextHopError))
        {
            errors.Add("NextHop: " + nextHopError);
        }

        if (string.IsNullOrWhiteSpace(HostName) || HostName.Any(c => c <= ' ' || c >= (char)127))
        {
            errors.Add("HostName must be a host name without spaces");
        }

        if (CertificatePath is { Length: > 0 } && !File.Exists(CertificatePath))
        {
            errors.Add($"CertificatePath: \"{CertificatePath}\" does not exist");
        }

        if (Authentication && AuthenticationRequiresTls && CertificatePath is not { Length: > 0 })
        {
            errors.Add("Authentication needs a CertificatePath for STARTTLS (or AuthenticationRequiresTls off, on loopback only)");
        }

        AddIfNotPositive(errors, nameof(MaximumMessageSize), MaximumMessageSize);
        AddIfNotPositive(errors, nameof(SpoolMemoryThreshold), SpoolMemoryThreshold);
        AddIfNotPositive(errors, nameof(MaximumSessions), MaximumSessions);
        AddIfNotPositive(errors, nameof(MaximumSessionsPerClient), MaximumSessionsPerClient);
        if (ClientTimeout <= TimeSpan.Zero || NextHopTimeout <= TimeSpan.Zero || SilentClientTimeout <= TimeSpan.Zero)
        {
            errors.Add("ClientTimeout, SilentClientTimeout and NextHopTimeout must be positive");
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
