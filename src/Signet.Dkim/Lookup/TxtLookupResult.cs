namespace Signet.Dkim.Lookup;

/// <summary>The records found at a name, or why none could be had. <see cref="Detail"/> is a human sentence for
/// failures ("SERVFAIL from 127.0.0.1:5353", "timed out after 5 s").</summary>
public sealed record TxtLookupResult(TxtLookupStatus Status, IReadOnlyList<TxtRecord> Records, string Detail)
{
    public static TxtLookupResult Found(IReadOnlyList<TxtRecord> records) => new(TxtLookupStatus.Found, records, string.Empty);

    public static TxtLookupResult NotFound(string detail) => new(TxtLookupStatus.NotFound, [], detail);

    public static TxtLookupResult TemporaryFailure(string detail) => new(TxtLookupStatus.TemporaryFailure, [], detail);

    public static TxtLookupResult PermanentFailure(string detail) => new(TxtLookupStatus.PermanentFailure, [], detail);
}
