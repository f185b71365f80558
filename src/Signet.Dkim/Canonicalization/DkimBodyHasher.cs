using System.Buffers;

namespace Signet.Dkim.Canonicalization;

/// <summary>Computes the body hash (the <c>bh=</c> tag, RFC 6376 §3.7) with SHA-256 while the body streams in:
/// the canonicalizer writes straight into a pooled stage that feeds the hash in large blocks.</summary>
public sealed class DkimBodyHasher : IDisposable
{
    private readonly DkimBodyCanonicalizer _canonicalizer;
    private readonly DkimBodyDigest _digest;
    private bool _finished;
    private bool _disposed;

    /// <param name="canonicalization">The body canonicalization, from the <c>c=</c> tag.</param>
    /// <param name="lengthLimit">The <c>l=</c> tag: only this many canonical bytes are hashed (RFC 6376 §3.5).</param>
    public DkimBodyHasher(DkimCanonicalization canonicalization, long? lengthLimit = null)
    {
        if (lengthLimit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(lengthLimit));
        }

        _canonicalizer = new DkimBodyCanonicalizer(canonicalization);
        _digest = new DkimBodyDigest([lengthLimit]);
        Canonicalization = canonicalization;
        LengthLimit = lengthLimit;
    }

    public DkimCanonicalization Canonicalization { get; }

    public long? LengthLimit { get; }

    /// <summary>The length of the whole canonical body, including any part beyond <see cref="LengthLimit"/>, so a
    /// verifier can see that <c>l=</c> covers less than the body. Final once <see cref="Finish"/> has run.</summary>
    public long CanonicalLength => _digest.Length;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        ThrowIfFinished();
        _canonicalizer.Append(chunk, new DkimBodyDigestSink(_digest));
    }

    public void Append(ReadOnlySequence<byte> chunk)
    {
        foreach (ReadOnlyMemory<byte> segment in chunk)
        {
            Append(segment.Span);
        }
    }

    /// <summary>Ends the body and returns its 32-byte SHA-256 hash. Call once.</summary>
    public byte[] Finish()
    {
        ThrowIfFinished();
        _finished = true;
        _canonicalizer.Complete(new DkimBodyDigestSink(_digest));
        _digest.Finish();
        return _digest.GetHash(LengthLimit);
    }

    public void Dispose()
    {
        _disposed = true;
        _digest.Dispose();
    }

    private void ThrowIfFinished()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("The body hash is already finished.");
        }
    }
}
