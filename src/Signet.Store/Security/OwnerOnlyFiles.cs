namespace Signet.Store.Security;

/// <summary>The one rule for the files Signet writes (the database and its -wal, -shm and -journal files, the master key,
/// spooled messages, exported keys): only the account Signet runs as may open them, whatever the process umask or
/// the mode of the folder they are in. They hold private keys (sealed or not), password hashes and mail.
/// <para>This source file is also compiled into Signet.Relay and the <c>signet</c> executable, which do not depend
/// on the store, so the modes are written once.</para></summary>
internal static class OwnerOnlyFiles
{
    /// <summary>0600: read and write by the owner, nothing for group and others.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>0700: a folder only the owner may list, enter or write.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Any permission for group or others.</summary>
    public const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Opens a file for <paramref name="options"/> created 0600 from its first byte; an existing file being
    /// replaced is set to 0600 too. The mode is set on the open handle, so a permissive umask cannot widen it.</summary>
    public static FileStream Open(string path, FileStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stream.SafeFileHandle, FileMode);
        }

        return stream;
    }

    /// <summary>Creates an empty 0600 file unless <paramref name="path"/> exists; an existing one is narrowed to 0600.</summary>
    public static void Ensure(string path)
    {
        try
        {
            using var created = Open(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write });
        }
        catch (IOException) when (File.Exists(path))
        {
            Restrict(path);
        }
    }

    /// <summary>Narrows an existing file to 0600 when group or others have any permission on it.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && IsOpenToOthers(path))
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>Creates the folder 0700 when it does not exist (an existing folder keeps the mode its owner chose).</summary>
    public static void CreateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, DirectoryMode);
        // CreateDirectory's mode passes through the umask; set it exactly.
        File.SetUnixFileMode(path, DirectoryMode);
    }

    /// <summary>Whether group or others have any permission on the file or folder (never on Windows, which has no modes).</summary>
    public static bool IsOpenToOthers(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOthers) != 0;
}
