using System.Runtime.InteropServices;

namespace Signet.Testing;

/// <summary>Sends SIGTERM, so a server started by a test shuts down the way its service manager would stop it
/// (<see cref="System.Diagnostics.Process.Kill()"/> sends SIGKILL).</summary>
internal static class PosixSignals
{
    private const int TerminateSignal = 15;

    public static bool Terminate(int processId) => SendSignal(processId, TerminateSignal) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);
}
