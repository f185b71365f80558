using System.Collections.Concurrent;
using System.Text;
using Signet.Dkim.Keys;

namespace Signet.Dkim.Verification;

/// <summary>Parsed key records by their exact text, so a busy verifier parses each public key once instead of once
/// per message. Keyed by the record's bytes, it never serves a stale key: when the DNS answer changes (its TTL is
/// honoured by the lookup layer), the text changes and the entry no longer matches.</summary>
internal sealed class DkimParsedKeyCache(int capacity)
{
    private readonly ConcurrentDictionary<string, DkimParsedKey> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public DkimParsedKey Get(byte[] recordText)
    {
        string key = Encoding.Latin1.GetString(recordText);
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var parsed = DkimParsedKey.Parse(recordText);
        if (_entries.Count >= capacity)
        {
            // Bounded: a flood of distinct records (an attack, or a huge fleet) costs re-parsing, never memory.
            _entries.Clear();
        }

        _entries[key] = parsed;
        return parsed;
    }
}

/// <summary>A key record parsed once: the record or why it does not parse, and the public key or why it is unusable.</summary>
internal sealed record DkimParsedKey(DkimKeyRecord? Record, DkimFailure? RecordFailure, DkimPublicKey? Key, DkimFailure? KeyFailure)
{
    public static DkimParsedKey Parse(byte[] recordText)
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
