using System.Net.Sockets;

namespace Signet.Store.Model;

/// <summary>This machine's fully qualified name, the default host name: the short name ("vm") is no domain, and as
/// the server-wide d= it would point receivers at nothing.</summary>
public static class MachineHostName
{
    /// <summary>The canonical name the resolver gives for the short host name (/etc/hosts first, as getaddrinfo
    /// does), when it has a dot; else the short name, which the server-wide key then refuses to sign with.</summary>
    public static string FullyQualified()
    {
        string shortName = System.Net.Dns.GetHostName();
        try
        {
            string canonical = System.Net.Dns.GetHostEntry(shortName).HostName.TrimEnd('.');
            return (canonical.Contains('.', StringComparison.Ordinal) ? canonical : shortName).ToLowerInvariant();
        }
        catch (SocketException)
        {
            return shortName.ToLowerInvariant();
        }
    }
}
