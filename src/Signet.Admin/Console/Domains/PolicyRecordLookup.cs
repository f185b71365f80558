using System.Text;
using Signet.Dkim.Lookup;

namespace Signet.Admin.Console.Domains;

/// <summary>What DNS holds now for one kind of policy record (SPF at the domain, DMARC at _dmarc.domain): the
/// records of that kind, or why the lookup failed. A failed lookup stays a failure: it never reads as "none".</summary>
public sealed record PolicyRecordLookup(string Name, TxtLookupStatus Status, IReadOnlyList<string> Records, string Detail)
{
    public bool Failed => Status is TxtLookupStatus.TemporaryFailure or TxtLookupStatus.PermanentFailure;

    /// <summary>Looks up the TXT records at <paramref name="name"/> and keeps those that start with
    /// <paramref name="version"/> (v=spf1, RFC 7208 §4.5; v=DMARC1), compared without case.</summary>
    public static async Task<PolicyRecordLookup> LookUpAsync(ITxtRecordSource source, string name, string version, CancellationToken cancellationToken)
    {
        var result = await source.LookupTxtAsync(name, cancellationToken).ConfigureAwait(false);
        var records = result.Records
            .Select(r => Encoding.UTF8.GetString(r.Join()))
            .Where(text => IsVersion(text, version))
            .ToList();
        return new PolicyRecordLookup(name, result.Status, records, result.Detail);
    }

    // "v=spf1" alone or followed by a space (RFC 7208 §4.5); "v=DMARC1" followed by ";" or a space, or alone.
    private static bool IsVersion(string text, string version) =>
        text.StartsWith(version, StringComparison.OrdinalIgnoreCase)
        && (text.Length == version.Length || text[version.Length] is ' ' or ';' or '\t');
}
