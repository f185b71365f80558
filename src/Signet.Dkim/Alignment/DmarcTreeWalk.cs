using Signet.Dkim.Lookup;

namespace Signet.Dkim.Alignment;

/// <summary>Finds the Organizational Domain of a domain by the DNS Tree Walk of RFC 9989 §4.10, selecting among the
/// DMARC Policy Records found as §4.10.2 says.</summary>
public sealed class DmarcTreeWalk
{
    /// <summary>RFC 9989 §4.10: a walk makes at most eight queries, however many labels the domain has.</summary>
    public const int MaximumQueries = 8;

    private readonly ITxtRecordSource _source;

    public DmarcTreeWalk(ITxtRecordSource source)
    {
        _source = source;
    }

    /// <summary>The names a walk starting at <paramref name="domain"/> queries, in order, each without the
    /// "_dmarc." prefix: the domain itself, then (RFC 9989 §4.10 step 4) its parent, or for eight labels or more
    /// its last seven labels, then one label fewer each time down to the top-level domain.</summary>
    internal static IReadOnlyList<string> WalkTargets(string domain)
    {
        if (!DomainName.TryNormalize(domain, out string normalized, out string error))
        {
            throw new ArgumentException(error, nameof(domain));
        }

        return Targets(DomainName.Labels(normalized));
    }

    public async ValueTask<OrganizationalDomainResult> FindOrganizationalDomainAsync(string domain, CancellationToken cancellationToken)
    {
        if (!DomainName.TryNormalize(domain, out string normalized, out string error))
        {
            return OrganizationalDomainResult.Failed(OrganizationalDomainStatus.InvalidDomain, domain, OrganizationalDomainMethod.DnsTreeWalk, error);
        }

        string[] labels = DomainName.Labels(normalized);
        var found = new List<(string Name, PublicSuffixDomainFlag Flag)>();
        var notes = new List<string>();
        int queries = 0;
        foreach (string target in Targets(labels))
        {
            queries++;
            string queryName = "_dmarc." + target;
            var lookup = await _source.LookupTxtAsync(queryName, cancellationToken).ConfigureAwait(false);
            if (lookup.Status is TxtLookupStatus.TemporaryFailure or TxtLookupStatus.PermanentFailure)
            {
                return DnsFailure(normalized, queryName, lookup);
            }

            if (SelectRecord(lookup, queryName, notes) is not { } record)
            {
                continue;
            }

            found.Add((target, record.PublicSuffixDomain));
            if (record.PublicSuffixDomain is PublicSuffixDomainFlag.Yes or PublicSuffixDomainFlag.No)
            {
                // RFC 9989 §4.10 steps 2 and 6: a record with psd=n or psd=y ends the walk.
                break;
            }
        }

        return Select(normalized, labels, found, queries, notes);
    }

    // RFC 9989 §4.10 steps 1, 3, 4 and 7.
    private static string[] Targets(string[] labels)
    {
        var targets = new List<string>(MaximumQueries) { string.Join('.', labels) };
        int next = labels.Length < MaximumQueries ? labels.Length - 1 : MaximumQueries - 1;
        for (int count = next; count >= 1; count--)
        {
            targets.Add(DomainName.Suffix(labels, count));
        }

        return [.. targets];
    }

    // RFC 9989 §4.10 steps 2 and 6: records that are not DMARC records are discarded, and when several DMARC
    // records remain at one name they are all discarded.
    private static DmarcPolicyRecord? SelectRecord(TxtLookupResult lookup, string queryName, List<string> notes)
    {
        if (lookup.Status != TxtLookupStatus.Found)
        {
            return null;
        }

        var records = new List<DmarcPolicyRecord>();
        foreach (var txt in lookup.Records)
        {
            if (DmarcPolicyRecord.TryParse(txt.Join(), out var record, out _))
            {
                records.Add(record);
            }
        }

        if (records.Count > 1)
        {
            notes.Add($"the {records.Count} DMARC records at {queryName} were all discarded (RFC 9989 §4.10)");
        }

        return records.Count == 1 ? records[0] : null;
    }

    // RFC 9989 §4.10.2: among the records found, from the longest name to the shortest.
    private static OrganizationalDomainResult Select(
        string domain, string[] labels, List<(string Name, PublicSuffixDomainFlag Flag)> found, int queries, List<string> notes)
    {
        string organizational;
        string reason;
        var psdYes = found.FindIndex(f => f.Flag == PublicSuffixDomainFlag.Yes && f.Name != domain);
        var psdNo = found.FindIndex(f => f.Flag == PublicSuffixDomainFlag.No);
        if (psdNo >= 0 && (psdYes < 0 || psdNo < psdYes))
        {
            organizational = found[psdNo].Name;
            reason = $"its DMARC record at _dmarc.{organizational} says psd=n";
        }
        else if (psdYes >= 0)
        {
            string publicSuffix = found[psdYes].Name;
            organizational = DomainName.Suffix(labels, DomainName.Labels(publicSuffix).Length + 1);
            reason = $"the DMARC record at _dmarc.{publicSuffix} says psd=y, so the organizational domain is the name one label below it";
        }
        else if (found.Count > 0)
        {
            organizational = found[^1].Name;
            reason = $"_dmarc.{organizational} holds the DMARC record with the fewest labels";
        }
        else
        {
            organizational = domain;
            reason = "no DMARC record was found, so the domain is its own";
        }

        string detail = notes.Count > 0 ? "; " + string.Join("; ", notes) : string.Empty;
        return OrganizationalDomainResult.Found(domain, organizational, OrganizationalDomainMethod.DnsTreeWalk,
            $"the organizational domain of {domain} is {organizational}: {reason} (DNS tree walk, {queries} {(queries == 1 ? "query" : "queries")}){detail}");
    }

    // RFC 9989 §5.3.6: when a query the walk needs fails, the message can neither pass nor fail DMARC. The
    // unanswered name might hold a record with psd=n, psd=y or the fewest labels, so the walk stops rather than guess.
    private static OrganizationalDomainResult DnsFailure(string domain, string queryName, TxtLookupResult lookup)
    {
        bool temporary = lookup.Status == TxtLookupStatus.TemporaryFailure;
        var status = temporary ? OrganizationalDomainStatus.TemporaryFailure : OrganizationalDomainStatus.PermanentFailure;
        string kind = temporary ? "temporarily" : "permanently";
        return OrganizationalDomainResult.Failed(status, domain, OrganizationalDomainMethod.DnsTreeWalk,
            $"the organizational domain of {domain} is unknown: the TXT query for {queryName} failed {kind} ({lookup.Detail}), so DMARC can neither pass nor fail (RFC 9989 §5.3.6)");
    }
}
