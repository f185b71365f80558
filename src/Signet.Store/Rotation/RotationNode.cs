using System.Globalization;
using System.Runtime.InteropServices;

namespace Signet.Store.Rotation;

/// <summary>Names a process among the nodes that share one database, for the rotation lease, in a form from which a
/// node on the same host can tell that the holder has died: host name, PID namespace, process id, and a random part
/// so two drivers in one process differ. A lease normally runs out after <see cref="AutomaticRotationDriver.Lease"/>;
/// without this, a serve restarted after a crash (killed, out of memory) on a single-node install would wait that
/// long before its rotation went on.</summary>
public static partial class RotationNode
{
    private const int NoSuchProcess = 3; // ESRCH

    private static readonly string PidNamespace = ReadPidNamespace();

    /// <summary>A new name for a driver in this process.</summary>
    public static string ForThisProcess() =>
        string.Join(':', Environment.MachineName, PidNamespace, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N"));

    /// <summary>True only when <paramref name="holder"/> names a process of this host and PID namespace that no longer
    /// exists. Anything else (another host, another namespace, a name of another form, a process id now reused, a
    /// system without PID namespaces) is not known to be gone, and its lease is left to run out.</summary>
    public static bool IsGone(string holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        string[] parts = holder.Split(':');
        if (PidNamespace.Length == 0
            || parts.Length != 4
            || !string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal)
            || !string.Equals(parts[1], PidNamespace, StringComparison.Ordinal)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int processId)
            || processId <= 0
            || processId == Environment.ProcessId)
        {
            return false;
        }

        // kill(pid, 0) sends nothing; it fails with ESRCH only when no such process exists (POSIX), and unlike /proc
        // it also sees processes of other users when /proc is mounted hidepid.
        return SendSignal(processId, 0) != 0 && Marshal.GetLastPInvokeError() == NoSuchProcess;
    }

    // The PID namespace ("pid:[4026531836]"): process ids compare only within one, and containers on one host
    // often share a host name's form but never a namespace.
    private static string ReadPidNamespace()
    {
        if (!OperatingSystem.IsLinux())
        {
            return string.Empty;
        }

        try
        {
            string? target = new FileInfo("/proc/self/ns/pid").LinkTarget;
            return target is null ? string.Empty : target.Replace(':', '.');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SendSignal(int processId, int signal);
}
