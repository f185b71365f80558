using System.Globalization;
using System.Net;

namespace Signet.Dns;

/// <summary>How <see cref="DnsTxtRecordSource"/> reaches DNS and how long it keeps answers.</summary>
/// <remarks>Settable properties, not init-only: the configuration binder's source generator (which serve uses, for
/// Native AOT) silently skips init-only ones.</remarks>
public sealed record DnsResolverOptions
{
    /// <summary>Name servers as <c>address[:port]</c> (<c>127.0.0.1</c>, <c>127.0.0.1:5353</c>, <c>[::1]:5353</c>,
    /// <c>localhost:5353</c>). Empty means the system's resolvers.</summary>
    public IReadOnlyList<string> Servers { get; set; } = [];

    /// <summary>How long one try waits for an answer. Five seconds is long enough for a slow resolver and short
    /// enough that a milter answers before the MTA gives up on it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tries after the first, per server, on timeouts and network errors.</summary>
    public int Retries { get; set; } = 1;

    /// <summary>The port authoritative servers are asked on by an explicit check (Authoritative.AuthoritativeTxtLookup).
    /// Always 53 on the Internet (RFC 1035 §4.2); only tests change it, to reach name servers they run on loopback
    /// on a free port, since port 53 may not be theirs to take.</summary>
    public int AuthoritativePort { get; set; } = 53;

    /// <summary>Keep answers for their TTL, so a burst of mail from one domain costs one lookup.</summary>
    public bool UseCache { get; set; } = true;

    /// <summary>Upper bound on how long an answer is kept, whatever its TTL says, so a rotated key is seen soon.</summary>
    public TimeSpan MaxCacheTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Upper bound on how long NXDOMAIN and NODATA are kept (RFC 2308 §5). Short, because a key that was
    /// just published should be found within a minute.</summary>
    public TimeSpan NegativeCacheTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Checks the options as a whole; used at start so a typo fails there and not on the first message.</summary>
    public bool TryValidate(out string error)
    {
        foreach (string server in Servers)
        {
            if (!TryParseEndpoint(server, out _, out string serverError))
            {
                error = $"Servers: {serverError}";
                return false;
            }
        }

        error = this switch
        {
            { Timeout.Ticks: <= 0 } => "Timeout must be greater than zero",
            { Timeout.TotalMilliseconds: > int.MaxValue } => "Timeout is too long",
            { Retries: < 0 } => "Retries must not be negative",
            { AuthoritativePort: < 1 or > 65535 } => "AuthoritativePort must be a port (1-65535)",
            { MaxCacheTtl.Ticks: < 0 } => "MaxCacheTtl must not be negative",
            { NegativeCacheTtl.Ticks: < 0 } => "NegativeCacheTtl must not be negative",
            _ => string.Empty,
        };
        return error.Length == 0;
    }

    /// <summary>Parses <c>address[:port]</c>; the port defaults to 53. Servers are given by address, because
    /// resolving a name server's name would need the resolver being configured; <c>localhost</c> is the one name
    /// accepted, as it always means loopback (RFC 6761 §6.3).</summary>
    public static bool TryParseEndpoint(string text, out IPEndPoint endpoint, out string error)
    {
        endpoint = null!;
        string trimmed = text.Trim();
        if (!TrySplitHostAndPort(trimmed, out string host, out string? portText))
        {
            error = $"\"{text}\" is not address[:port]";
            return false;
        }

        int port = 53;
        if (portText is not null
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            error = $"\"{text}\" has an invalid port \"{portText}\" (1-65535)";
            return false;
        }

        if (!TryParseAddress(host, out IPAddress? address))
        {
            error = $"\"{text}\" is not an IP address (name servers are given by address, or localhost)";
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        error = string.Empty;
        return true;
    }

    private static bool TrySplitHostAndPort(string text, out string host, out string? port)
    {
        port = null;
        host = text;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            string rest = text[(close + 1)..];
            if (rest.Length == 0)
            {
                return true;
            }

            port = rest.StartsWith(':') ? rest[1..] : null;
            return port is not null;
        }

        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && colon == text.LastIndexOf(':'))
        {
            host = text[..colon];
            port = text[(colon + 1)..];
        }

        return host.Length > 0;
    }

    private static bool TryParseAddress(string host, out IPAddress address)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
            return true;
        }

        // IPAddress.TryParse also takes "1" or "127.1"; a server list wants the dotted quad or an IPv6 literal.
        if (IPAddress.TryParse(host, out IPAddress? parsed)
            && (parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || host.Count(c => c == '.') == 3))
        {
            address = parsed;
            return true;
        }

        address = null!;
        return false;
    }
}
