using System.Buffers;

namespace Signet.Dkim.Messages;

/// <summary>Collects a message's header section from chunks as they arrive (a stream read, SMTP DATA), finding the
/// empty line that ends it even when that line is split across chunks, and holding no more than a cap. Every front end
/// that receives a message as bytes reads its header section here; the milter is handed the fields one by one.</summary>
public sealed class DkimHeaderSectionBuffer
{
    /// <summary>1 MiB, the cap unless a caller states why it needs another: real header sections are a few kilobytes,
    /// RFC 5322 sets no limit, and a header section is held whole in memory to be parsed and hashed, so one far larger
    /// is an attack or not mail.</summary>
    public const int DefaultMaximumBytes = 1024 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(4 * 1024);
    private int _length = -1;

    public DkimHeaderSectionBuffer(int maximumBytes = DefaultMaximumBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumBytes, 1);
        MaximumBytes = maximumBytes;
    }

    public int MaximumBytes { get; }

    /// <summary>True once the empty line, or the end of the input, has closed the header section.</summary>
    public bool IsComplete => _length >= 0;

    /// <summary>True when the header section, ended or not, is longer than <see cref="MaximumBytes"/>.</summary>
    public bool IsTooLarge => Section.Length > MaximumBytes;

    /// <summary>The header section including the empty line that ends it (when there is one); before the end, what
    /// has come so far.</summary>
    public ReadOnlySpan<byte> Section => IsComplete ? _buffer.WrittenSpan[.._length] : _buffer.WrittenSpan;

    /// <summary>Why a header section over the cap is refused, in words.</summary>
    public string TooLargeReason => MaximumBytes % (1024 * 1024) == 0
        ? $"the header section is larger than {MaximumBytes / (1024 * 1024)} MB"
        : MaximumBytes % 1024 == 0 ? $"the header section is larger than {MaximumBytes / 1024} KB" : $"the header section exceeds {MaximumBytes} bytes";

    /// <summary>Adds the next chunk and returns how many of its bytes belong to the header section: the rest of the
    /// chunk is the start of the body. Once the section is complete or too large, nothing more is taken.</summary>
    public int Append(ReadOnlySpan<byte> chunk)
    {
        if (IsComplete || IsTooLarge)
        {
            return 0;
        }

        int before = _buffer.WrittenCount;
        // The search restarts at the line the new bytes continue, so an empty line split across chunks is found.
        int lineStart = _buffer.WrittenSpan.LastIndexOf((byte)'\n') + 1;
        _buffer.Write(chunk);
        int found = DkimHeaderSection.FindBodyStart(_buffer.WrittenSpan[lineStart..]);
        if (found < 0)
        {
            return chunk.Length;
        }

        _length = lineStart + found;
        return _length - before;
    }

    /// <summary>The input ended: what came is the header section (a message with no empty line has no body).</summary>
    public void End()
    {
        if (!IsComplete)
        {
            _length = _buffer.WrittenCount;
        }
    }
}
