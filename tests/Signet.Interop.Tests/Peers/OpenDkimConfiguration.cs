using System.Net;
using System.Text;

namespace Signet.Interop.Tests.Peers;

/// <summary>Writes the files the opendkim milter reads: its configuration, the key and signing tables, and the
/// libunbound configuration that sends every DNS query to the interop zone's loopback server.</summary>
internal static class OpenDkimConfiguration
{
    /// <summary>The authserv-id of the verifier's Authentication-Results fields; a reserved name, so it never
    /// matches a field already in a test message (RFC 2606).</summary>
    public const string AuthservId = "opendkim.interop.invalid";

    /// <summary>Settings shared by every milter: in the foreground, logging nowhere, and resolving through
    /// <paramref name="resolverConfigurationPath"/> (the Debian build links libunbound, which reads it).</summary>
    public static IEnumerable<string> Common(string resolverConfigurationPath) =>
    [
        "Syslog no",
        "Background no",
        $"ResolverConfiguration {resolverConfigurationPath}",

        // Key files written by the test are readable by others; the milter would refuse them.
        "RequireSafeKeys false",
    ];

    /// <summary>A verifier that reports every outcome in an Authentication-Results field, even DNS errors and
    /// unsigned mail, instead of answering tempfail.</summary>
    public static IEnumerable<string> Verifier() =>
    [
        "Mode v",
        $"AuthservID {AuthservId}",
        "AlwaysAddARHeader yes",
        "On-Default accept",
    ];

    /// <summary>A signer with one key that signs every message it is given, whatever its From domain. The
    /// oversigned From is what Debian's shipped opendkim.conf sets.</summary>
    public static IEnumerable<string> Signer(string keyTablePath, string signingTablePath, string canonicalization, string algorithm) =>
    [
        "Mode s",
        $"KeyTable file:{keyTablePath}",
        $"SigningTable refile:{signingTablePath}",
        $"Canonicalization {canonicalization}",
        $"SignatureAlgorithm {algorithm}",
        "OversignHeaders From",
    ];

    /// <summary>The KeyTable line: key name, then d=, s= and the key file (which must be an absolute path).</summary>
    public static string KeyTable(string keyName, string domain, string selector, string keyPath) =>
        $"{keyName} {domain}:{selector}:{Path.GetFullPath(keyPath)}\n";

    /// <summary>A SigningTable whose one pattern matches every From address.</summary>
    public static string SigningTable(string keyName) => $"* {keyName}\n";

    /// <summary>libunbound settings: the zone's origin is served by the loopback nsd (a stub zone), and every other
    /// name is forwarded to it as well, where it is refused, so no query leaves the machine.</summary>
    public static string Resolver(string origin, IPEndPoint server)
    {
        string zone = origin.TrimEnd('.') + ".";
        string address = $"{server.Address}@{server.Port}";
        return new StringBuilder()
            .AppendLine("server:")

            // The server is on loopback, which libunbound refuses to query by default.
            .AppendLine("  do-not-query-localhost: no")
            .AppendLine("  do-ip6: no")

            // Names under test., invalid. and the like are answered NXDOMAIN locally unless told otherwise.
            .AppendLine($"  local-zone: \"{zone}\" transparent")
            .AppendLine("stub-zone:")
            .AppendLine($"  name: \"{zone}\"")
            .AppendLine($"  stub-addr: {address}")
            .AppendLine("forward-zone:")
            .AppendLine("  name: \".\"")
            .AppendLine($"  forward-addr: {address}")
            .ToString();
    }
}
