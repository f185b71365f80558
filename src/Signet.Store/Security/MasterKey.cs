using System.Security.Cryptography;

namespace Signet.Store.Security;

/// <summary>The 32-byte key that seals private keys at rest. It never goes into the database: it lives in a file
/// only the service account can read, or in the options of every node.</summary>
internal static class MasterKey
{
    public const int Length = 32;

    public static bool TryDecode(string base64, out byte[] key, out string error)
    {
        key = [];
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out int length) || length != Length)
        {
            error = $"the master key must be {Length} bytes in base64 (make one with: openssl rand -base64 {Length})";
            return false;
        }

        key = buffer[..length];
        error = string.Empty;
        return true;
    }

    /// <summary>The key from the options, or from the key file, which is created on first run.</summary>
    public static bool TryLoad(StoreOptions options, out byte[] key, out string error)
    {
        if (options.MasterKey is not null)
        {
            return TryDecode(options.MasterKey, out key, out error);
        }

        string path = options.MasterKeyPath;
        return File.Exists(path) ? TryRead(path, out key, out error) : TryCreate(path, out key, out error);
    }

    private static bool TryRead(string path, out byte[] key, out string error)
    {
        key = [];
        // Group or others may not read, write or run the key file.
        if (OwnerOnlyFiles.IsOpenToOthers(path))
        {
            error = $"the master key file {path} can be read by other users: restrict it with chmod 600 {path}";
            return false;
        }

        if (!TryDecode(File.ReadAllText(path), out key, out error))
        {
            error = $"the master key file {path} is not usable: {error}";
            return false;
        }

        return true;
    }

    private static bool TryCreate(string path, out byte[] key, out string error)
    {
        key = RandomNumberGenerator.GetBytes(Length);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        try
        {
            using var writer = new StreamWriter(OwnerOnlyFiles.Open(path, options), System.Text.Encoding.ASCII);
            writer.WriteLine(Convert.ToBase64String(key));
        }
        catch (IOException exception)
        {
            error = $"the master key file {path} could not be created: {exception.Message}";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
