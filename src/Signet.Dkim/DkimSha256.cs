using System.Security.Cryptography;

namespace Signet.Dkim;

/// <summary>SHA-256 of bytes held in one piece (the header data of a signature, a body that fits the stage), through a
/// hash state kept per thread and reset by each use. <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
/// creates and frees the platform's state on every call, which costs about as much as hashing 200 bytes; a
/// verification hashes twice.</summary>
internal static class DkimSha256
{
    // One state per thread that hashes, each used by one call at a time (nothing here awaits or calls out).
    [ThreadStatic]
    private static IncrementalHash? t_hash;

    public static void HashData(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var hash = t_hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            hash.AppendData(data);
            hash.GetHashAndReset(destination);
        }
        catch
        {
            // A state left half-way must never start the next hash: the thread gets a new one.
            t_hash = null;
            hash.Dispose();
            throw;
        }
    }
}
