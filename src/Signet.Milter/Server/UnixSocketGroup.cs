using System.Runtime.InteropServices;

namespace Signet.Milter.Server;

/// <summary>Gives the milter's Unix socket to a group (the MTA's, e.g. <c>postfix</c>), so that with mode 0660 the MTA
/// alone may connect. .NET has no chown, so libc's getgrnam(3) and chown(2) are called directly.</summary>
internal static partial class UnixSocketGroup
{
    /// <summary>Changes the group of <paramref name="path"/>; false with the reason when the group does not exist or the
    /// change is not permitted (a service that is neither root nor a member of the group).</summary>
    public static bool TryApply(string path, string group, out string error)
    {
        IntPtr entry = GetGroupByName(group);
        if (entry == IntPtr.Zero)
        {
            error = $"there is no group named \"{group}\"";
            return false;
        }

        // struct group { char *gr_name; char *gr_passwd; gid_t gr_gid; char **gr_mem; } (glibc, musl).
        int gid = Marshal.ReadInt32(entry, 2 * IntPtr.Size);
        if (ChangeOwner(path, -1, gid) != 0)
        {
            error = $"cannot give {path} to group {group}: error {Marshal.GetLastPInvokeError()}";
            return false;
        }

        error = string.Empty;
        return true;
    }

    [LibraryImport("libc", EntryPoint = "getgrnam", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetGroupByName(string name);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int ChangeOwner(string path, int owner, int group);
}
