namespace Signet.Dkim.Lookup;

/// <summary>Where the engine gets TXT records from: real DNS, a zone file, or a test's table. The engine itself
/// does no I/O; callers pass one of these in.</summary>
public interface ITxtRecordSource
{
    /// <summary>Looks up the TXT records at <paramref name="name"/> (a fully qualified name without the trailing dot).
    /// Infrastructure faults are reported in the result, not thrown.</summary>
    ValueTask<TxtLookupResult> LookupTxtAsync(string name, CancellationToken cancellationToken);
}
