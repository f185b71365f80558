using System.Net;
using System.Text;

namespace Signet.Testing;

/// <summary>The sendmail.mc of a test's Sendmail: everything kept in its temporary directory, no DNS, and every
/// message relayed to the test's next hop; the test adds its own lines (the milter) from the documentation.</summary>
internal static class SendmailConfiguration
{
    public static string Mc(string cfDirectory, string directory, IPEndPoint listen, IPEndPoint nextHop, IReadOnlyList<string> mcLines)
    {
        var text = new StringBuilder()
            .AppendLine("divert(0)dnl")
            .AppendLine($"include(`{cfDirectory}/m4/cf.m4')dnl")
            .AppendLine("OSTYPE(`linux')dnl")
            .AppendLine("define(`confDOMAIN_NAME', `mx.signet.test')dnl")
            .AppendLine($"define(`QUEUE_DIR', `{directory}/queue')dnl")
            .AppendLine($"define(`STATUS_FILE', `{directory}/statistics')dnl")
            .AppendLine($"define(`confPID_FILE', `{directory}/sendmail.pid')dnl")
            .AppendLine("define(`ALIAS_FILE', `')dnl")
            // Host names from the host table only, never DNS (the test's table comes through nss_wrapper).
            .AppendLine($"define(`confSERVICE_SWITCH_FILE', `{directory}/service.switch')dnl")
            .AppendLine("define(`confDONT_PROBE_INTERFACES', `true')dnl")
            .AppendLine("define(`confDELIVERY_MODE', `background')dnl")
            // Sendmail stops accepting (RefuseLA) and delivering (QueueLA) above a load average a shared CI machine
            // reaches while it builds; the test is about the milter, not load shedding.
            .AppendLine("define(`confQUEUE_LA', `1000')dnl")
            .AppendLine("define(`confREFUSE_LA', `1000')dnl")
            .AppendLine("define(`confDELAY_LA', `0')dnl")
            // The smart host is named by address in the mailer's arguments: Sendmail treats a smart host of
            // [127.0.0.1] as itself and would not relay to it, and a host name would need DNS.
            .AppendLine("define(`SMART_HOST', `[sink.signet.test]')dnl")
            .AppendLine($"define(`RELAY_MAILER_ARGS', `TCP [{nextHop.Address}] {nextHop.Port}')dnl")
            .AppendLine($"define(`ESMTP_MAILER_ARGS', `TCP [{nextHop.Address}] {nextHop.Port}')dnl")
            .AppendLine($"DAEMON_OPTIONS(`Port={listen.Port}, Addr={listen.Address}, Name=MTA')dnl")
            .AppendLine("FEATURE(`no_default_msa')dnl")
            .AppendLine("FEATURE(`nocanonify')dnl")
            .AppendLine("FEATURE(`accept_unresolvable_domains')dnl");
        foreach (string line in mcLines)
        {
            text.AppendLine(line);
        }

        return text.AppendLine("MAILER(`smtp')dnl").ToString();
    }
}
