using Signet.Dkim.Lookup;

namespace Signet.Testing;

/// <summary>A TXT source held in a dictionary, for engine tests that are about DKIM rather than DNS. Names that
/// were never added answer NotFound; names set to fail answer the given status. It remembers every name asked for.</summary>
public sealed class InMemoryTxtSource : ITxtRecordSource
{
    private readonly Dictionary<string, TxtLookupResult> _answers = new(StringComparer.OrdinalIgnoreCase);

    public int LookupCount { get; private set; }

    /// <summary>Every name asked for, in order, as asked.</summary>
    public List<string> Queries { get; } = [];

    public InMemoryTxtSource Add(string name, params string[] records)
    {
        _answers[name.TrimEnd('.')] = TxtLookupResult.Found(records.Select(TxtRecord.FromText).ToList());
        return this;
    }

    public InMemoryTxtSource Add(string name, TxtLookupResult result)
    {
        _answers[name.TrimEnd('.')] = result;
        return this;
    }

    public InMemoryTxtSource Fail(string name, TxtLookupStatus status, string detail)
    {
        _answers[name.TrimEnd('.')] = new TxtLookupResult(status, [], detail);
        return this;
    }

    public ValueTask<TxtLookupResult> LookupTxtAsync(string name, CancellationToken cancellationToken)
    {
        LookupCount++;
        Queries.Add(name);
        return ValueTask.FromResult(_answers.TryGetValue(name.TrimEnd('.'), out var answer)
            ? answer
            : TxtLookupResult.NotFound($"NXDOMAIN for {name}"));
    }
}
