using System.Buffers;

namespace Signet.Dkim.Canonicalization;

/// <summary>The body hashes for several signatures in one pass over the body. Requirements with the same
/// canonicalization share one canonicalizer and one SHA-256 state: a length limit (<c>l=</c>, RFC 6376 §3.5)
/// is a reading of that state on the way past, so each distinct canonicalization costs one pass.</summary>
public sealed class DkimBodyHashSet : IDisposable
{
    // One pass in almost every message (its signatures share a canonicalization): sized for one.
    private readonly List<(DkimCanonicalization Canonicalization, DkimBodyCanonicalizer Canonicalizer, DkimBodyDigest Digest)> _passes = new(1);
    private bool _finished;
    private bool _disposed;

    public DkimBodyHashSet(IEnumerable<(DkimCanonicalization Canonicalization, long? LengthLimit)> requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        // Two canonicalizations exist (simple, relaxed): a short list found by scanning, not a dictionary per message.
        var limitsByCanonicalization = new List<(DkimCanonicalization Canonicalization, List<long?> Limits)>(2);
        foreach (var (canonicalization, lengthLimit) in requirements)
        {
            int index = limitsByCanonicalization.Count - 1;
            while (index >= 0 && limitsByCanonicalization[index].Canonicalization != canonicalization)
            {
                index--;
            }

            if (index < 0)
            {
                limitsByCanonicalization.Add((canonicalization, new List<long?>(1) { lengthLimit }));
            }
            else
            {
                limitsByCanonicalization[index].Limits.Add(lengthLimit);
            }
        }

        foreach (var (canonicalization, limits) in limitsByCanonicalization)
        {
            _passes.Add((canonicalization, new DkimBodyCanonicalizer(canonicalization), new DkimBodyDigest(limits)));
        }
    }

    /// <summary>How many canonicalizer and hash passes the body goes through.</summary>
    internal int PassCount => _passes.Count;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        ThrowIfFinished();
        foreach (var pass in _passes)
        {
            pass.Canonicalizer.Append(chunk, new DkimBodyDigestSink(pass.Digest));
        }
    }

    public void Append(ReadOnlySequence<byte> chunk)
    {
        foreach (ReadOnlyMemory<byte> segment in chunk)
        {
            Append(segment.Span);
        }
    }

    /// <summary>Ends the body. Call once, before <see cref="GetHash"/>.</summary>
    public void Finish()
    {
        ThrowIfFinished();
        _finished = true;
        foreach (var pass in _passes)
        {
            pass.Canonicalizer.Complete(new DkimBodyDigestSink(pass.Digest));
            pass.Digest.Finish();
        }
    }

    /// <summary>The 32-byte SHA-256 body hash for one of the requirements given at construction.</summary>
    public byte[] GetHash(DkimCanonicalization canonicalization, long? lengthLimit) =>
        (byte[])Find(canonicalization).GetHash(lengthLimit).Clone();

    /// <summary>Compares the hash for one of the requirements with <paramref name="expected"/> in constant time,
    /// without the copy <see cref="GetHash"/> hands out.</summary>
    internal bool HashEquals(DkimCanonicalization canonicalization, long? lengthLimit, ReadOnlySpan<byte> expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Find(canonicalization).GetHash(lengthLimit), expected);

    /// <summary>The length of the whole canonical body, to compare with a signature's <c>l=</c>.</summary>
    public long GetCanonicalLength(DkimCanonicalization canonicalization)
    {
        var digest = Find(canonicalization);
        return _finished ? digest.Length : throw new InvalidOperationException("The body hashes are not finished yet.");
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var pass in _passes)
        {
            pass.Digest.Dispose();
        }
    }

    private DkimBodyDigest Find(DkimCanonicalization canonicalization)
    {
        foreach (var pass in _passes)
        {
            if (pass.Canonicalization == canonicalization)
            {
                return pass.Digest;
            }
        }

        throw new ArgumentException($"No requirement asked for {canonicalization} body canonicalization.", nameof(canonicalization));
    }

    private void ThrowIfFinished()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("The body hashes are already finished.");
        }
    }
}
