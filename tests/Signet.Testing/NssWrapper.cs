namespace Signet.Testing;

/// <summary>Debian's nss_wrapper (libnss-wrapper), preloaded into an MTA the test runs: the MTA sees a host name and
/// host table of the test's own, so it never asks DNS (tests talk only to loopback) and never waits for a qualified
/// name of the machine, and it finds the system users its build expects (Exim's Debian-exim) without any being
/// added to the machine.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class NssWrapper
{
    public const string Package = "libnss-wrapper";

    /// <summary>The environment that makes a program see <paramref name="hostName"/> as its name, resolving to
    /// 127.0.0.1 with localhost, and <paramref name="extraUsers"/> (name → uid:gid) beside root; the files are
    /// written in <paramref name="directory"/>.</summary>
    public static async Task<Dictionary<string, string>> EnvironmentAsync(
        string directory,
        string hostName,
        IReadOnlyDictionary<string, string> extraUsers,
        CancellationToken cancellationToken)
    {
        string root = await DebianPackageFiles.UnpackAsync(Package, cancellationToken).ConfigureAwait(false);
        string library = Directory.EnumerateFiles(root, "libnss_wrapper.so", SearchOption.AllDirectories).FirstOrDefault()
            ?? throw new InvalidOperationException($"libnss_wrapper.so is not in the unpacked {Package} ({root})");
        string hosts = Path.Combine(directory, "nss-hosts");
        string passwd = Path.Combine(directory, "nss-passwd");
        string group = Path.Combine(directory, "nss-group");
        await File.WriteAllTextAsync(hosts, $"127.0.0.1 {hostName} localhost\n", cancellationToken).ConfigureAwait(false);
        await File.WriteAllLinesAsync(
            passwd,
            ["root:x:0:0:root:/root:/bin/sh", .. extraUsers.Select(user => $"{user.Key}:x:{user.Value}::/nonexistent:/usr/sbin/nologin")],
            cancellationToken).ConfigureAwait(false);
        await File.WriteAllLinesAsync(
            group,
            ["root:x:0:", .. extraUsers.Select(user => $"{user.Key}:x:{user.Value.Split(':')[1]}:")],
            cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, string>
        {
            ["LD_PRELOAD"] = library,
            ["NSS_WRAPPER_HOSTNAME"] = hostName,
            ["NSS_WRAPPER_HOSTS"] = hosts,
            ["NSS_WRAPPER_PASSWD"] = passwd,
            ["NSS_WRAPPER_GROUP"] = group,
        };
    }
}
