using System.Text;

namespace Signet.Testing;

/// <summary>Writes the nsd.conf and zone files for <see cref="AuthoritativeDnsServer"/>: everything inside one
/// directory, no chroot, no privilege drop, no control socket, loopback only.</summary>
internal static class NsdConfiguration
{
    /// <summary>The SOA MINIMUM of generated zones, which bounds how long resolvers keep NXDOMAIN and NODATA
    /// (RFC 2308 §5).</summary>
    public const int NegativeTtlSeconds = 60;

    public static string ServerConfiguration(string directory, System.Net.IPAddress address, int port, IEnumerable<string> origins)
    {
        var text = new StringBuilder();
        text.AppendLine("server:")
            .AppendLine($"  ip-address: {address}")
            .AppendLine($"  port: {port}")
            .AppendLine("  do-ip6: no")
            .AppendLine("  username: \"\"")
            .AppendLine("  chroot: \"\"")
            .AppendLine($"  zonesdir: \"{directory}\"")
            .AppendLine($"  pidfile: \"{Path.Combine(directory, "nsd.pid")}\"")
            .AppendLine("  database: \"\"")
            .AppendLine($"  zonelistfile: \"{Path.Combine(directory, "zone.list")}\"")
            .AppendLine($"  xfrdfile: \"{Path.Combine(directory, "xfrd.state")}\"")
            .AppendLine($"  xfrdir: \"{directory}\"")
            .AppendLine($"  logfile: \"{LogPath(directory)}\"")
            .AppendLine("  server-count: 1")
            .AppendLine("  verbosity: 1")
            .AppendLine("  hide-version: yes")
            .AppendLine("remote-control:")
            .AppendLine("  control-enable: no");
        foreach (string origin in origins)
        {
            text.AppendLine("zone:")
                .AppendLine($"  name: \"{origin}\"")
                .AppendLine($"  zonefile: \"{ZoneFileName(origin)}\"");
        }

        return text.ToString();
    }

    /// <summary>A zone with a generated SOA and NS ahead of the test's records; names in the records may be
    /// relative to the origin.</summary>
    public static string ZoneText(string origin, IEnumerable<string> records, int serial, IReadOnlyList<string> nameServers)
    {
        var text = new StringBuilder();
        text.AppendLine($"$ORIGIN {origin}.")
            .AppendLine("$TTL 300")
            .AppendLine($"@ IN SOA {nameServers[0]} hostmaster.localhost. {serial} 3600 600 86400 {NegativeTtlSeconds}");
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

    /// <summary>Text nsd cannot load; it then answers SERVFAIL for the zone.</summary>
    public static string BrokenZoneText(string origin) => $"$ORIGIN {origin}.\nthis is not a record\n";

    public static string ZoneFileName(string origin) => origin + ".zone";

    public static string LogPath(string directory) => Path.Combine(directory, "nsd.log");
}
