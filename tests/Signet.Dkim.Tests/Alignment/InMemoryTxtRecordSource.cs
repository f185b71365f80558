using Signet.Dkim.Lookup;

namespace Signet.Dkim.Tests.Alignment;

/// <summary>A TXT record source backed by a table, remembering every name asked for. Names not in the table are
/// NXDOMAIN.</summary>
internal sealed class InMemoryTxtRecordSource : ITxtRecordSource
{
    private readonly Dictionary<string, TxtLookupResult> _answers = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Queries { get; } = [];

    public InMemoryTxtRecordSource With(string name, params string[] records)
    {
        _answers[name] = TxtLookupResult.Found([.. records.Select(TxtRecord.FromText)]);
        return this;
    }

    public InMemoryTxtRecordSource With(string name, TxtLookupResult result)
    {
        _answers[name] = result;
        return this;
    }

    public ValueTask<TxtLookupResult> LookupTxtAsync(string name, CancellationToken cancellationToken)
    {
        Queries.Add(name);
        return ValueTask.FromResult(_answers.TryGetValue(name, out var result) ? result : TxtLookupResult.NotFound("NXDOMAIN"));
    }
}
