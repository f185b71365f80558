using System.Diagnostics;
using Signet.Testing;

namespace Signet.Reliability.Tests.Support;

/// <summary>A tmpfs of a few megabytes mounted on a new temporary directory (root only), unmounted on dispose: a
/// disk that fills up on demand.</summary>
[Signet.Testing.OutsideServer]
internal sealed class TinyFilesystem : IDisposable
{
    private readonly TemporaryDirectory _mountPoint = new();

    private TinyFilesystem()
    {
    }

    public string Path => _mountPoint.Path;

    public static TinyFilesystem Mount(int megabytes)
    {
        if (Environment.UserName != "root")
        {
            Assert.Fail("mounting a small tmpfs needs root: run these tests as root (CI does)");
        }

        var filesystem = new TinyFilesystem();
        Run("/bin/mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", filesystem.Path);
        return filesystem;
    }

    /// <summary>Writes a file until the disk is full; returns its path (delete it to free the space).</summary>
    public string Fill()
    {
        string filler = System.IO.Path.Combine(Path, "filler");
        byte[] block = new byte[64 * 1024];
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // No space left on device: what we wanted. Fill the last blocks a byte at a time.
        }

        try
        {
            while (true)
            {
                stream.WriteByte(0);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // Full to the byte.
        }

        return filler;
    }

    public void Dispose()
    {
        // Lazy: a file still open (a pooled database connection) must not keep the mount behind.
        Run("/bin/umount", "--lazy", Path);
        _mountPoint.Dispose();
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}");
        }
    }
}
