using System.Runtime.InteropServices;

namespace Signet.Testing;

/// <summary>Sets the process umask for the life of the value, then puts the old one back: tests of file modes create
/// files under a permissive umask (0) to show the mode does not come from it. The umask is process-wide, so such tests
/// run in a collection that does not run in parallel with others.</summary>
public sealed class ProcessUmask : IDisposable
{
    private readonly uint _previous;

    private ProcessUmask(uint mask) => _previous = SetMask(mask);

    /// <summary>Group and others may do everything the creator asks for.</summary>
    public static ProcessUmask Permissive() => new(0);

    // umask(2) returns the mask it replaced, never an error.
    public void Dispose() => _ = SetMask(_previous);

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint SetMask(uint mask);
}
