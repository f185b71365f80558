namespace Signet.Testing;

/// <summary>Debian packages a test needs but cannot install: Sendmail and Exim conflict with the installed Postfix
/// (each provides mail-transport-agent), so their .debs are fetched with <c>apt-get download</c> into a cache folder
/// this class owns and unpacked with <c>dpkg-deb -x</c>, each into a folder of its own. Nothing system-wide changes.
/// A package that cannot be fetched fails the test with apt's own words and what to do.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class DebianPackageFiles
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Where fetched .debs and their unpacked trees are kept between runs (a fetch costs a few seconds,
    /// an unpacked tree is reused as is).</summary>
    public static string CacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "signet-debian-packages");

    /// <summary>The folder holding the unpacked files of <paramref name="package"/> (its root: usr/, etc/ below it).</summary>
    public static async Task<string> UnpackAsync(string package, CancellationToken cancellationToken)
    {
        string unpacked = Path.Combine(CacheDirectory, "unpacked", package);
        if (Directory.Exists(unpacked))
        {
            return unpacked;
        }

        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Directory.Exists(unpacked))
            {
                return unpacked;
            }

            string deb = await DownloadAsync(package, cancellationToken).ConfigureAwait(false);
            // Unpacked beside its final name and renamed, so an interrupted unpack is never taken for a finished one.
            string partial = unpacked + ".partial-" + Environment.ProcessId;
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }

            Directory.CreateDirectory(partial);
            await ExternalProgram.RunCheckedAsync("/usr/bin/dpkg-deb", ["-x", deb, partial], cancellationToken).ConfigureAwait(false);
            Directory.Move(partial, unpacked);
            return unpacked;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>Unpacks every package and returns their library folders, for LD_LIBRARY_PATH.</summary>
    public static async Task<string> LibraryPathAsync(IEnumerable<string> packages, CancellationToken cancellationToken)
    {
        var folders = new List<string>();
        foreach (string package in packages)
        {
            string root = await UnpackAsync(package, cancellationToken).ConfigureAwait(false);
            folders.AddRange(new[] { "usr/lib/x86_64-linux-gnu", "usr/lib/aarch64-linux-gnu", "lib/x86_64-linux-gnu", "lib/aarch64-linux-gnu" }
                .Select(folder => Path.Combine(root, folder))
                .Where(Directory.Exists));
        }

        return string.Join(':', folders);
    }

    /// <summary>Copies an unpacked program without its set-user-ID or set-group-ID bit: the dynamic loader ignores
    /// LD_LIBRARY_PATH and LD_PRELOAD for such programs, and the test runs it as root anyway.</summary>
    public static string CopyProgram(string unpackedProgram, string directory)
    {
        string copy = Path.Combine(directory, Path.GetFileName(unpackedProgram));
        File.Copy(unpackedProgram, copy, overwrite: true);
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return copy;
    }

    private static async Task<string> DownloadAsync(string package, CancellationToken cancellationToken)
    {
        string debs = Directory.CreateDirectory(Path.Combine(CacheDirectory, "debs")).FullName;
        string? existing = Directory.EnumerateFiles(debs, package + "_*.deb").FirstOrDefault();
        if (existing is not null)
        {
            return existing;
        }

        if (!File.Exists("/usr/bin/apt-get") || !File.Exists("/usr/bin/dpkg-deb"))
        {
            throw new InvalidOperationException($"fetching the Debian package {package} needs apt-get and dpkg-deb (a Debian or Ubuntu machine)");
        }

        var (code, output) = await ExternalProgram.RunAsync("/usr/bin/apt-get", ["download", "-q", package], cancellationToken, debs).ConfigureAwait(false);
        string? fetched = Directory.EnumerateFiles(debs, package + "_*.deb").FirstOrDefault();
        if (code != 0 || fetched is null)
        {
            // Without package lists (a fresh container) apt-get knows no package at all; scripts/test.sh runs
            // apt-get update when run as root.
            throw new InvalidOperationException(
                $"could not fetch the Debian package {package} with apt-get download (exit {code}); the test runs the real {package} " +
                $"unpacked from its .deb. If apt says it cannot locate the package, the package lists are missing: run apt-get update " +
                $"(bash scripts/test.sh does, as root). apt-get said:\n{output}");
        }

        return fetched;
    }
}
