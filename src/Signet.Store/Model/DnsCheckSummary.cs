namespace Signet.Store.Model;

/// <summary>The outcome of checking a key's published record: usable and matching, or why not (in words).</summary>
public sealed record DnsCheckSummary(DateTimeOffset CheckedAt, bool Published, bool Matches, string Summary);
