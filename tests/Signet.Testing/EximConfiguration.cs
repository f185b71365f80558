using System.Net;
using System.Text;

namespace Signet.Testing;

/// <summary>The configuration file of a test's Exim (<c>-C</c>): its files in its temporary directory, no DNS or
/// ident lookups, relaying for loopback clients, and the test's routers and transports.</summary>
internal static class EximConfiguration
{
    public static string File(string program, string directory, IPEndPoint listen, IReadOnlyList<string> keptEnvironment, IReadOnlyList<string> routers, IReadOnlyList<string> transports)
    {
        var text = new StringBuilder()
            // Exim re-executes itself for deliveries: the copy in this directory, with the preload and library
            // path it was started with (Exim clears the environment otherwise).
            .AppendLine($"exim_path = {program}")
            .AppendLine($"keep_environment = {string.Join(" : ", keptEnvironment.Append("LD_LIBRARY_PATH"))}")
            .AppendLine($"spool_directory = {directory}/spool")
            .AppendLine($"log_file_path = {directory}/log/%slog")
            .AppendLine($"pid_file_path = {directory}/exim.pid")
            .AppendLine("primary_hostname = mx.signet.test")
            .AppendLine("domainlist local_domains =")
            .AppendLine($"local_interfaces = <; {listen.Address}")
            .AppendLine($"daemon_smtp_ports = {listen.Port}")
            .AppendLine("host_lookup =")
            .AppendLine("rfc1413_hosts =")
            .AppendLine("tls_advertise_hosts =")
            .AppendLine("acl_smtp_rcpt = acl_check_rcpt")
            .AppendLine()
            .AppendLine("begin acl")
            .AppendLine("acl_check_rcpt:")
            .AppendLine("  accept hosts = 127.0.0.1")
            .AppendLine("  deny message = relay not permitted")
            .AppendLine()
            .AppendLine("begin routers");
        foreach (string line in routers)
        {
            text.AppendLine(line);
        }

        text.AppendLine().AppendLine("begin transports");
        foreach (string line in transports)
        {
            text.AppendLine(line);
        }

        return text.AppendLine().AppendLine("begin retry").AppendLine("* * F,10m,5s").ToString();
    }
}
