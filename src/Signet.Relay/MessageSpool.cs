using Signet.Store.Security;

namespace Signet.Relay;

/// <summary>Holds one message while the next hop is asked: in memory up to a threshold, then in a temporary file that
/// is deleted when the spool is disposed (and by the system if the process dies), so memory does not grow with the
/// message. The file is 0600 in a 0700 folder (<see cref="OwnerOnlyFiles"/>): it holds someone's mail.</summary>
internal sealed class MessageSpool(int memoryThreshold, string? directory) : IAsyncDisposable
{
    // Without a configured folder: one private folder per process under the system's temporary folder, made by
    // mkdtemp (0700, a name nobody can take first), rather than files beside everyone else's in /tmp.
    private static readonly Lazy<string> PrivateTemporaryFolder = new(() => Directory.CreateTempSubdirectory("signet-relay-").FullName);

    private readonly MemoryStream _memory = new();
    private FileStream? _file;

    public long Length => _file?.Length ?? _memory.Length;

    /// <summary>The spool file, once the message outgrew memory.</summary>
    public string? FilePath => _file?.Name;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_file is null && _memory.Length + data.Length > memoryThreshold)
        {
            _file = OwnerOnlyFiles.Open(Path.Combine(Folder(), "signet-relay-" + Guid.NewGuid().ToString("N") + ".eml"), new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                BufferSize = 64 * 1024,
                Options = FileOptions.Asynchronous | FileOptions.DeleteOnClose | FileOptions.SequentialScan,
            });
            _memory.Position = 0;
            await _memory.CopyToAsync(_file, cancellationToken).ConfigureAwait(false);
            _memory.SetLength(0);
            _memory.Capacity = 0;
        }

        if (_file is not null)
        {
            await _file.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _memory.Write(data.Span);
        }
    }

    /// <summary>Reads the bytes from <paramref name="offset"/> to the end, into <paramref name="destination"/> chunk by chunk.</summary>
    public async ValueTask CopyToAsync(long offset, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> destination, CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            var bytes = _memory.GetBuffer().AsMemory(0, (int)_memory.Length);
            await destination(bytes[(int)offset..], cancellationToken).ConfigureAwait(false);
            return;
        }

        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        _file.Position = offset;
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = await _file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The configured folder (created 0700 when missing), else this process's private temporary folder.</summary>
    private string Folder()
    {
        if (directory is not { Length: > 0 })
        {
            return PrivateTemporaryFolder.Value;
        }

        OwnerOnlyFiles.CreateDirectory(directory);
        return directory;
    }

    public async ValueTask DisposeAsync()
    {
        await _memory.DisposeAsync().ConfigureAwait(false);
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }
    }
}
