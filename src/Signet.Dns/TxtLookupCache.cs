using System.Collections.Concurrent;
using Signet.Dkim.Lookup;

namespace Signet.Dns;

/// <summary>Lookup results kept until they expire; safe to use from many threads at once.</summary>
internal sealed class TxtLookupCache(TimeProvider timeProvider)
{
    // A bound on memory: mail from many domains must not grow the cache without limit.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public bool TryGet(string name, out TxtLookupResult result)
    {
        if (_entries.TryGetValue(name, out var entry))
        {
            if (timeProvider.GetUtcNow() < entry.Expires)
            {
                result = entry.Result;
                return true;
            }

            _entries.TryRemove(new KeyValuePair<string, Entry>(name, entry));
        }

        result = null!;
        return false;
    }

    public void Store(string name, TxtLookupResult result, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            RemoveExpired(now);
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
        }

        _entries[name] = new Entry(result, now + lifetime);
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var pair in _entries)
        {
            if (pair.Value.Expires <= now)
            {
                _entries.TryRemove(pair);
            }
        }
    }

    private sealed record Entry(TxtLookupResult Result, DateTimeOffset Expires);
}
