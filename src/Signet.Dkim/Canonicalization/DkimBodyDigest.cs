using System.Buffers;
using System.Security.Cryptography;

namespace Signet.Dkim.Canonicalization;

/// <summary>SHA-256 over one canonical body. Bytes are staged in one pooled buffer so the hash sees large blocks
/// rather than single lines. One pass serves several length limits (the <c>l=</c> tag, RFC 6376 §3.5): the hash
/// state is read at each limit on the way past it. A body that fits in the stage (most mail) is hashed in one call
/// at the end through the thread's reused state (<see cref="DkimSha256"/>), without one of its own: creating one
/// costs about as much as hashing 2 KB.</summary>
internal sealed class DkimBodyDigest : IDisposable
{
    private const int StageSize = 32 * 1024;

    private IncrementalHash? _hash;
    private readonly long[] _limits;
    private readonly byte[][] _limitHashes;
    private readonly bool _hashesWholeBody;
    private readonly long _bytesWanted;
    private byte[] _stage = ArrayPool<byte>.Shared.Rent(StageSize);
    private int _staged;
    private long _taken;
    private long _hashed;
    private int _nextLimit;
    private byte[]? _wholeBodyHash;
    private bool _finished;

    /// <param name="lengthLimits">The limits wanted; <see langword="null"/> stands for the whole body.</param>
    public DkimBodyDigest(IReadOnlyList<long?> lengthLimits)
    {
        // Most messages ask for the whole body only: no collection is built for them.
        List<long>? limits = null;
        ArgumentNullException.ThrowIfNull(lengthLimits);
        for (int i = 0; i < lengthLimits.Count; i++)
        {
            long? limit = lengthLimits[i];
            if (limit is { } value)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(lengthLimits));
                (limits ??= []).Add(value);
            }
            else
            {
                _hashesWholeBody = true;
            }
        }

        _limits = limits is null ? [] : [.. limits.Order().Distinct()];
        _limitHashes = _limits.Length == 0 ? [] : new byte[_limits.Length][];
        _bytesWanted = _hashesWholeBody || _limits.Length == 0 ? long.MaxValue : _limits[^1];
    }

    /// <summary>Canonical bytes written so far, including those beyond every limit.</summary>
    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Length += bytes.Length;
        long room = _bytesWanted - _taken;
        if (bytes.Length > room)
        {
            bytes = bytes[..(int)room];
        }

        _taken += bytes.Length;
        if (bytes.Length <= _stage.Length - _staged)
        {
            bytes.CopyTo(_stage.AsSpan(_staged));
            _staged += bytes.Length;
            return;
        }

        WriteBeyondStage(bytes);
    }

    public void Finish()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The body hash is already finished.");
        }

        _finished = true;
        if (_hash is null && _limits.Length == 0 && _hashesWholeBody)
        {
            // Everything is still in the stage: one call, no hash state of this body's own.
            _wholeBodyHash = new byte[SHA256.HashSizeInBytes];
            DkimSha256.HashData(_stage.AsSpan(0, _staged), _wholeBodyHash);
            _staged = 0;
            ReturnStage();
            return;
        }

        Hash(_stage.AsSpan(0, _staged));
        _staged = 0;
        while (_nextLimit < _limits.Length)
        {
            // The body is shorter than this limit, so all of it is hashed.
            _limitHashes[_nextLimit++] = State.GetCurrentHash();
        }

        if (_hashesWholeBody)
        {
            _wholeBodyHash = State.GetHashAndReset();
        }

        ReturnStage();
    }

    /// <summary>The hash for one of the limits given at construction (<see langword="null"/>: whole body).</summary>
    public byte[] GetHash(long? lengthLimit)
    {
        if (!_finished)
        {
            throw new InvalidOperationException("The body hash is not finished yet.");
        }

        if (lengthLimit is not { } limit)
        {
            return _wholeBodyHash ?? throw new ArgumentException("The whole body was not asked for.", nameof(lengthLimit));
        }

        int index = Array.BinarySearch(_limits, limit);
        return index >= 0 ? _limitHashes[index] : throw new ArgumentException($"Length limit {limit} was not asked for.", nameof(lengthLimit));
    }

    public void Dispose()
    {
        ReturnStage();
        _hash?.Dispose();
    }

    private IncrementalHash State => _hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private void WriteBeyondStage(ReadOnlySpan<byte> bytes)
    {
        int fill = _stage.Length - _staged;
        bytes[..fill].CopyTo(_stage.AsSpan(_staged));
        Hash(_stage);
        _staged = 0;
        bytes = bytes[fill..];
        if (bytes.Length >= _stage.Length)
        {
            // Large enough on its own: hash it in place rather than copy it.
            Hash(bytes);
            return;
        }

        bytes.CopyTo(_stage);
        _staged = bytes.Length;
    }

    private void Hash(ReadOnlySpan<byte> block)
    {
        while (_nextLimit < _limits.Length && _limits[_nextLimit] - _hashed <= block.Length)
        {
            int part = (int)(_limits[_nextLimit] - _hashed);
            State.AppendData(block[..part]);
            _hashed += part;
            block = block[part..];
            _limitHashes[_nextLimit++] = State.GetCurrentHash();
        }

        State.AppendData(block);
        _hashed += block.Length;
    }

    private void ReturnStage()
    {
        if (_stage.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_stage);
            _stage = [];
        }
    }
}
