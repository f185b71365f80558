using System.Buffers;
using System.Collections.Concurrent;
using Signet.Dkim.Keys;
using Signet.Dkim.Lookup;

namespace Signet.Dkim.Verification;

/// <summary>Parsed key records by their exact text, so a busy verifier parses each public key once instead of once
/// per message. Keyed by the record's bytes, it never serves a stale key: when the DNS answer changes (its TTL is
/// honoured by the lookup layer), the text changes and the entry no longer matches. A hit costs no allocation: the
/// record is looked up by its bytes as they are (joined into a pooled buffer when DNS split it into strings), and
/// reads take no lock, so every verifying thread reads it at once.</summary>
internal sealed class DkimParsedKeyCache(int capacity)
{
    private readonly ConcurrentDictionary<byte[], DkimParsedKey> _entries = new(RecordBytesComparer.Instance);

    // The record asked for last, by reference: a DNS cache hands out the same TxtRecord for as long as it keeps the
    // answer, so a stream of mail from one domain finds its key without hashing and comparing ~400 bytes each time.
    // One immutable pair, replaced whole, so a reader on another thread sees a record with its own key or the
    // previous pair, never a mix.
    private LastRecord? _last;

    public int Count => _entries.Count;

    public DkimParsedKey Get(TxtRecord record)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Record, record))
        {
            return last.Parsed;
        }

        var parsed = GetByContent(record);
        Volatile.Write(ref _last, new LastRecord(record, parsed));
        return parsed;
    }

    private DkimParsedKey GetByContent(TxtRecord record)
    {
        if (record.Strings.Count == 1)
        {
            return Get(record.Strings[0]);
        }

        int length = 0;
        foreach (byte[] part in record.Strings)
        {
            length += part.Length;
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            int offset = 0;
            foreach (byte[] part in record.Strings)
            {
                part.CopyTo(rented, offset);
                offset += part.Length;
            }

            return Get(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public DkimParsedKey Get(ReadOnlySpan<byte> recordText)
    {
        var lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(recordText, out var cached))
        {
            return cached;
        }

        var parsed = DkimParsedKey.Parse(recordText);
        if (_entries.Count >= capacity)
        {
            // Bounded: a flood of distinct records (an attack, or a huge fleet) costs re-parsing, never memory.
            _entries.Clear();
        }

        lookup[recordText] = parsed;
        return parsed;
    }

    private sealed record LastRecord(TxtRecord Record, DkimParsedKey Parsed);

    /// <summary>Compares records by content; the hash is seeded per process (HashCode), so crafted records cannot
    /// pile into one bucket.</summary>
    private sealed class RecordBytesComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly RecordBytesComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}

/// <summary>A key record parsed once: the record or why it does not parse, and the public key or why it is unusable.</summary>
internal sealed record DkimParsedKey(DkimKeyRecord? Record, DkimFailure? RecordFailure, DkimPublicKey? Key, DkimFailure? KeyFailure)
{
    public static DkimParsedKey Parse(ReadOnlySpan<byte> recordText)
    {
        if (!DkimKeyRecord.TryParse(recordText, out var record, out var recordFailure))
        {
            return new DkimParsedKey(null, recordFailure, null, null);
        }

        return record.TryGetPublicKey(out var key, out var keyFailure)
            ? new DkimParsedKey(record, null, key, null)
            : new DkimParsedKey(record, null, null, keyFailure);
    }
}
