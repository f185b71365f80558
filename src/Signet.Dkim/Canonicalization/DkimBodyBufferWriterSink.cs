using System.Buffers;

namespace Signet.Dkim.Canonicalization;

/// <summary>Writes canonical body bytes to a caller's <see cref="IBufferWriter{T}"/>.</summary>
internal readonly struct DkimBodyBufferWriterSink(IBufferWriter<byte> output) : IDkimBodySink
{
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            output.Write(bytes);
        }
    }
}
