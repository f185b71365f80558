using System.Runtime.InteropServices;

namespace Signet.Testing;

/// <summary>Sends SIGTERM, so a server started by a test shuts down the way its service manager would stop it
/// (<see cref="System.Diagnostics.Process.Kill()"/> sends SIGKILL).</summary>
internal static class PosixSignals
{
    private const int TerminateSignal = 15;
    private const int ContinueSignal = 18; // SIGCONT on Linux
    private const int StopSignal = 19; // SIGSTOP on Linux: cannot be caught; the process keeps its sockets but runs no more

    public static bool Terminate(int processId) => SendSignal(processId, TerminateSignal) == 0;

    public static bool Suspend(int processId) => SendSignal(processId, StopSignal) == 0;

    public static bool Continue(int processId) => SendSignal(processId, ContinueSignal) == 0;

    /// <summary>Stops a server as its init system would: SIGTERM, up to <paramref name="grace"/> to exit cleanly, then
    /// SIGKILL to the whole tree. Waits for the exit either way, so its port and files are free afterwards.</summary>
    public static async Task StopAsync(System.Diagnostics.Process process, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (!process.HasExited && Terminate(process.Id))
        {
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Did not stop on SIGTERM; killed below.
            }
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);
}
