using Signet.Store.Model;

namespace Signet.Admin.Api.Keys;

/// <summary>The outcome of looking a key's record up in DNS; <c>findings</c> is the full diagnosis when the check was
/// made by this request, and empty for a check read back from the store.</summary>
public sealed record DnsCheckView(DateTimeOffset CheckedAt, bool Published, bool Matches, string Summary, IReadOnlyList<DnsFindingView> Findings)
{
    public static DnsCheckView From(DnsCheckSummary check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new DnsCheckView(check.CheckedAt, check.Published, check.Matches, check.Summary,
            check.Findings.Select(f => new DnsFindingView(f.Severity.ToString().ToLowerInvariant(), f.Kind.ToString(), f.Message)).ToList());
    }
}

/// <summary>One finding of the diagnosis: <c>error</c> (receivers cannot verify), <c>warning</c> or <c>info</c>.</summary>
public sealed record DnsFindingView(string Severity, string Kind, string Message);
