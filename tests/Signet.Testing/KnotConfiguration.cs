using System.Net;
using System.Text;

namespace Signet.Testing;

/// <summary>Writes knot.conf and the zone file for <see cref="KnotServer"/>: everything inside one directory, no
/// privilege drop, loopback only. These are the lines docs/rotation.md shows for a primary that accepts Signet's
/// updates and a secondary that transfers from it.</summary>
internal static class KnotConfiguration
{
    public static string ServerConfiguration(KnotServer server, string directory)
    {
        var text = new StringBuilder();
        text.AppendLine("server:")
            .AppendLine($"    rundir: \"{directory}\"")
            .AppendLine($"    listen: {server.ListenAddress}@{server.Port}")
            .AppendLine("    udp-workers: 1")
            .AppendLine("    tcp-workers: 1")
            .AppendLine("    background-workers: 1")
            .AppendLine("database:")
            .AppendLine($"    storage: \"{Path.Combine(directory, "db")}\"")
            .AppendLine("control:")
            .AppendLine($"    listen: \"{ControlSocket(directory)}\"")
            .AppendLine("log:")
            .AppendLine("  - target: stderr")
            .AppendLine("    any: info")
            .AppendLine("key:")
            .AppendLine($"  - id: {server.KeyName}")
            .AppendLine("    algorithm: hmac-sha256")
            .AppendLine($"    secret: {Convert.ToBase64String(server.Secret)}");
        if (server.Primary is { } primary)
        {
            text.AppendLine("remote:")
                .AppendLine("  - id: primary")
                .AppendLine($"    address: {primary.Address}@{primary.Port}");
        }

        text.AppendLine("acl:")
            .AppendLine("  - id: signet_update")
            .AppendLine($"    key: {server.KeyName}")
            .AppendLine("    action: update")
            .AppendLine("  - id: signet_update_denied")
            .AppendLine($"    key: {server.KeyName}")
            .AppendLine("    action: update")
            .AppendLine("    deny: on")
            .AppendLine("  - id: loopback_transfer")
            .AppendLine("    address: 127.0.0.0/8")
            .AppendLine("    action: [transfer, notify]")
            .AppendLine("zone:")
            .AppendLine($"  - domain: {server.Zone}")
            .AppendLine($"    storage: \"{directory}\"")
            .AppendLine($"    file: \"{ZoneFileName(server.Zone)}\"")
            .AppendLine("    zonefile-sync: -1")
            .AppendLine("    journal-content: changes");
        if (server.Primary is not null)
        {
            text.AppendLine("    master: primary")
                .AppendLine("    acl: loopback_transfer");
        }
        else
        {
            text.AppendLine(server.AcceptsUpdates ? "    acl: [signet_update, loopback_transfer]" : "    acl: [signet_update_denied, loopback_transfer]");
        }

        return text.ToString();
    }

    /// <summary>SOA refresh of an hour: a secondary without NOTIFY lags until it is told to refresh.</summary>
    public static string ZoneText(string zone, IEnumerable<string> records, IReadOnlyList<string> nameServers)
    {
        var text = new StringBuilder();
        text.AppendLine($"$ORIGIN {zone}.")
            .AppendLine("$TTL 300")
            .AppendLine($"@ IN SOA {nameServers[0]} hostmaster.{zone}. 1 3600 600 86400 60");
        foreach (string nameServer in nameServers)
        {
            text.AppendLine($"@ IN NS {nameServer}");
        }

        foreach (string record in records)
        {
            text.AppendLine(record);
        }

        return text.ToString();
    }

    public static string ControlSocket(string directory) => Path.Combine(directory, "knot.sock");

    public static string ZoneFileName(string zone) => zone + ".zone";

    public static string Describe(IPEndPoint endpoint) => $"{endpoint.Address}@{endpoint.Port}";
}
