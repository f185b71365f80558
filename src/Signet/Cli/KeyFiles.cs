using Signet.Dkim.Keys;
using Signet.Store.Security;

namespace Signet.Cli;

/// <summary>Reads and writes private key files for the CLI, with errors that name the file.</summary>
public static class KeyFiles
{
    /// <summary>Key files are bigger than this only when they are not key files.</summary>
    private const long MaximumKeyFileBytes = 64 * 1024;

    public static DkimPrivateKey Read(string path)
    {
        byte[] content = ReadBounded(path);
        return DkimPrivateKeyReader.TryRead(content, out var key, out string error)
            ? key
            : throw new CliUsageException($"{path}: {error}");
    }

    /// <summary>The public key of a key file: a PUBLIC KEY (SubjectPublicKeyInfo PEM) file, or a private key file.</summary>
    public static DkimPublicKey ReadPublic(string path)
    {
        byte[] content = ReadBounded(path);
        string text = System.Text.Encoding.ASCII.GetString(content);
        if (DkimPublicKeyPemReader.LooksLikePublicKey(text))
        {
            return DkimPublicKeyPemReader.TryRead(text, out var publicKey, out string publicError)
                ? publicKey
                : throw new CliUsageException($"{path}: {publicError}");
        }

        using var key = Read(path);
        var record = new DkimKeyRecord { KeyType = key.PublicKey.KeyType, PublicKeyData = key.PublicKey.ExportRecordData() };
        return record.TryGetPublicKey(out var copy, out var failure) ? copy : throw new CliUsageException($"{path}: {failure.Message}");
    }

    private static byte[] ReadBounded(string path)
    {
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaximumKeyFileBytes)
            {
                throw new CliUsageException($"{path}: {info.Length} bytes is too large for a key file");
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot read the key file: {exception.Message}");
        }

        return content;
    }

    /// <summary>Writes a secret file readable by its owner only (mode 0600), refusing to replace an existing one.</summary>
    public static void WriteSecret(string path, string content, bool overwrite)
    {
        if (File.Exists(path) && !overwrite)
        {
            throw new CliUsageException($"{path} already exists: choose another file, or pass --force to replace it");
        }

        var options = new FileStreamOptions
        {
            Mode = overwrite ? FileMode.Create : FileMode.CreateNew,
            Access = FileAccess.Write,
        };
        try
        {
            // 0600 also when an existing file is replaced (OwnerOnlyFiles sets the mode on the open handle).
            using var writer = new StreamWriter(OwnerOnlyFiles.Open(path, options));
            writer.Write(content);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot write the key file: {exception.Message}");
        }
    }
}
