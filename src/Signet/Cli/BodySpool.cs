using Signet.Store.Security;

namespace Signet.Cli;

/// <summary>Holds a message body between hashing and writing: in memory while small, in a temporary file (deleted
/// on close) above <see cref="MemoryThreshold"/>, so signing a 1 GB message does not take 1 GB of memory.</summary>
public sealed class BodySpool : IAsyncDisposable
{
    public const int MemoryThreshold = 8 * 1024 * 1024;

    private MemoryStream? _memory = new();
    private FileStream? _file;

    public void Write(ReadOnlySpan<byte> chunk)
    {
        if (_memory is not null && _memory.Length + chunk.Length > MemoryThreshold)
        {
            _file = OwnerOnlyFiles.Open(Path.GetTempFileName(), new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                BufferSize = 64 * 1024,
                Options = FileOptions.DeleteOnClose,
            });

            _memory.Position = 0;
            _memory.CopyTo(_file);
            _memory = null;
        }

        if (_memory is not null)
        {
            _memory.Write(chunk);
        }
        else
        {
            _file!.Write(chunk);
        }
    }

    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        Stream source = (Stream?)_memory ?? _file!;
        source.Position = 0;
        await source.CopyToAsync(destination, 64 * 1024, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }

        _memory?.Dispose();
    }
}
