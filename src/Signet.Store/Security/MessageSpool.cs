namespace Signet.Store.Security;

/// <summary>Holds one message, or its body, until it can be written on: in memory up to a threshold, then in a file
/// so memory does not grow with the message. The file is someone's mail, so it is 0600 (<see cref="OwnerOnlyFiles"/>)
/// in a 0700 folder: the configured one, else a private folder of its own under the system's temporary folder, made by
/// mkdtemp (0700, a name nobody can take first) rather than a file beside everyone else's in /tmp. Disposing deletes
/// the file and that private folder. The relay spools each message here and <c>signet sign</c> each body; like
/// <see cref="OwnerOnlyFiles"/>, this one source is compiled into the projects that use it, as the relay does not
/// depend on the store.</summary>
internal sealed class MessageSpool(int memoryThreshold, string? directory = null) : IAsyncDisposable
{
    private const int ChunkSize = 64 * 1024;

    private readonly MemoryStream _memory = new();
    private FileStream? _file;
    private string? _privateFolder;

    public long Length => _file?.Length ?? _memory.Length;

    /// <summary>The spool file, once the message outgrew memory.</summary>
    public string? FilePath => _file?.Name;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (_file is null && _memory.Length + data.Length > memoryThreshold)
        {
            _file = CreateFile();
            _memory.Position = 0;
            _memory.CopyTo(_file);
            ReleaseMemory();
        }

        if (_file is not null)
        {
            _file.Write(data);
        }
        else
        {
            _memory.Write(data);
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_file is null && _memory.Length + data.Length > memoryThreshold)
        {
            _file = CreateFile();
            _memory.Position = 0;
            await _memory.CopyToAsync(_file, cancellationToken).ConfigureAwait(false);
            ReleaseMemory();
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
        ArgumentNullException.ThrowIfNull(destination);
        if (_file is null)
        {
            var bytes = _memory.GetBuffer().AsMemory(0, (int)_memory.Length);
            await destination(bytes[(int)offset..], cancellationToken).ConfigureAwait(false);
            return;
        }

        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        _file.Position = offset;
        byte[] buffer = new byte[ChunkSize];
        int read;
        while ((read = await _file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes everything held to <paramref name="destination"/>.</summary>
    public ValueTask CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return CopyToAsync(0, destination.WriteAsync, cancellationToken);
    }

    private FileStream CreateFile() =>
        OwnerOnlyFiles.Open(Path.Combine(Folder(), "signet-" + Guid.NewGuid().ToString("N") + ".eml"), new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = ChunkSize,
            Options = FileOptions.Asynchronous | FileOptions.DeleteOnClose | FileOptions.SequentialScan,
        });

    // Once the bytes are in the file, memory gives back what it held: the point of spooling.
    private void ReleaseMemory()
    {
        _memory.SetLength(0);
        _memory.Capacity = 0;
    }

    /// <summary>The configured folder (created 0700 when missing), else a new private temporary folder.</summary>
    private string Folder()
    {
        if (directory is { Length: > 0 })
        {
            OwnerOnlyFiles.CreateDirectory(directory);
            return directory;
        }

        _privateFolder = Directory.CreateTempSubdirectory("signet-spool-").FullName;
        return _privateFolder;
    }

    public async ValueTask DisposeAsync()
    {
        await _memory.DisposeAsync().ConfigureAwait(false);
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }

        if (_privateFolder is not null)
        {
            try
            {
                Directory.Delete(_privateFolder);
            }
            catch (IOException)
            {
                // Cleaning up is best effort: an empty 0700 folder left behind holds nothing, and the message was
                // already delivered or refused by now.
            }
        }
    }
}
