using Signet.Dkim.Lookup;

namespace Signet.Bench;

/// <summary>One key record, answered at once as a DNS cache hit is: the same result object every time, nothing written.
/// The tests' InMemoryTxtSource records every query in a shared list, which on several threads at ~40,000
/// verifications a second is itself a point of contention (and grows without bound); the bench measures the engine.</summary>
public sealed class CachedKeySource(string recordName, string record) : ITxtRecordSource
{
    private readonly TxtLookupResult _found = TxtLookupResult.Found([TxtRecord.FromText(record)]);

    public ValueTask<TxtLookupResult> LookupTxtAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(string.Equals(name, recordName, StringComparison.OrdinalIgnoreCase)
            ? _found
            : TxtLookupResult.NotFound($"no record at {name}"));
}
