namespace Signet.Cli;

/// <summary>Opens --in and --out, defaulting to the console's streams, with errors that name the file.</summary>
public static class Streams
{
    public static Stream OpenInput(string? path, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (path is null or "-")
        {
            return new NonClosingStream(console.Input);
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot read the message: {exception.Message}");
        }
    }

    public static Stream OpenOutput(string? path, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (path is null or "-")
        {
            return new NonClosingStream(console.Output);
        }

        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot write the output: {exception.Message}");
        }
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && inner.CanWrite)
            {
                inner.Flush();
            }

            base.Dispose(disposing);
        }
    }
}
