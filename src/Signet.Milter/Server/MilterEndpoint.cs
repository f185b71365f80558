using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Signet.Milter.Server;

/// <summary>Where the milter listens: "host:port" (IPv6 in brackets), "inet:port@host" as Sendmail and Postfix write
/// it, or "unix:/path" for a Unix-domain socket.</summary>
public sealed record MilterEndpoint(EndPoint EndPoint)
{
    public string? SocketPath => EndPoint is UnixDomainSocketEndPoint ? EndPoint.ToString() : null;

    public static bool TryParse(string? text, out MilterEndpoint endpoint, out string error)
    {
        endpoint = null!;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the listen endpoint is empty";
            return false;
        }

        if (text.StartsWith("unix:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("local:", StringComparison.OrdinalIgnoreCase))
        {
            string path = text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..];
            if (!Path.IsPathFullyQualified(path))
            {
                error = $"the Unix socket path \"{path}\" must be absolute";
                return false;
            }

            endpoint = new MilterEndpoint(new UnixDomainSocketEndPoint(path));
            return true;
        }

        string host;
        string port;
        if (text.StartsWith("inet:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("inet6:", StringComparison.OrdinalIgnoreCase))
        {
            string rest = text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..];
            int at = rest.IndexOf('@', StringComparison.Ordinal);
            (port, host) = at < 0 ? (rest, "127.0.0.1") : (rest[..at], rest[(at + 1)..]);
        }
        else
        {
            int colon = text.LastIndexOf(':');
            if (colon <= 0)
            {
                error = $"\"{text}\" is not host:port, inet:port@host or unix:/path";
                return false;
            }

            (host, port) = (text[..colon], text[(colon + 1)..]);
        }

        return TryCreateIp(host.Trim('[', ']'), port, out endpoint, out error);
    }

    private static bool TryCreateIp(string host, string portText, out MilterEndpoint endpoint, out string error)
    {
        endpoint = null!;
        if (!ushort.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out ushort port))
        {
            error = $"\"{portText}\" is not a port number";
            return false;
        }

        IPAddress? address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : host is "*" ? IPAddress.IPv6Any
            : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (address is null)
        {
            // Binding to a name would depend on DNS at start; an address says exactly where mail is exposed.
            error = $"\"{host}\" is not an IP address (or localhost, or *)";
            return false;
        }

        endpoint = new MilterEndpoint(new IPEndPoint(address, port));
        error = string.Empty;
        return true;
    }

    public override string ToString() => EndPoint is UnixDomainSocketEndPoint ? "unix:" + EndPoint : EndPoint.ToString()!;
}
