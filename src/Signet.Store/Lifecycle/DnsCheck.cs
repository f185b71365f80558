using Signet.Dkim;
using Signet.Dkim.Diagnostics;
using Signet.Dkim.Keys;
using Signet.Dkim.Lookup;
using Signet.Dns.Authoritative;
using Signet.Store.Model;

namespace Signet.Store.Lifecycle;

/// <summary>Turns the lookup of a key's record into the summary kept on the key: published, matching, and in words.</summary>
internal static class DnsCheck
{
    /// <summary>Judges each authoritative server's answer on its own, then says which servers were asked and, when
    /// they disagree, which ones do not serve this key yet (an old record still served, or no answer).</summary>
    public static DnsCheckSummary Summarize(KeyEntry key, AuthoritativeTxtAnswers answers, DateTimeOffset now)
    {
        if (answers.Failure.Length > 0)
        {
            var finding = new DkimRecordFinding(DkimFindingSeverity.Error, DkimRecordFindingKind.DnsTemporaryFailure,
                $"{answers.Failure}: nothing could be checked; try again");
            return new DnsCheckSummary(now, false, false, finding.Message) { Findings = [finding] };
        }

        var judged = answers.Answers.Select(a => (Answer: a, Check: Summarize(key, a.Lookup, now))).ToList();
        if (judged.All(j => j.Check.Matches))
        {
            return new DnsCheckSummary(now, true, true,
                $"{key.RecordName} is published and holds this key on every authoritative server ({answers.ServersAsked})")
            { Findings = judged[0].Check.Findings };
        }

        var failing = judged.Where(j => !j.Check.Matches).ToList();
        string summary;
        if (failing.Count == judged.Count && failing.Select(j => j.Check.Summary).Distinct().Count() == 1)
        {
            summary = $"{failing[0].Check.Summary} (asked {answers.ServersAsked})";
        }
        else
        {
            var parts = failing.Select(j => $"{j.Answer.Server} {Describe(j.Answer, j.Check)}")
                .Concat(judged.Where(j => j.Check.Matches).Select(j => $"{j.Answer.Server} serves this key"));
            summary = $"the authoritative servers of {answers.Zone} disagree about {answers.QueriedName}: {string.Join("; ", parts)}";
        }

        return new DnsCheckSummary(now, judged.Any(j => j.Check.Published), false, summary) { Findings = failing[0].Check.Findings };
    }

    private static string Describe(AuthoritativeServerAnswer answer, DnsCheckSummary check) =>
        check.Findings.Any(f => f.Kind == DkimRecordFindingKind.KeyMismatch)
            ? "still serves an old record (not this key)"
            : answer.Outcome == AuthoritativeServerOutcome.Answered ? $"serves a record that is {check.Summary}" : $"gave no usable answer: {answer.Reason}";

    public static DnsCheckSummary Summarize(KeyEntry key, TxtLookupResult lookup, DateTimeOffset now)
    {
        var expected = new DkimKeyRecord
        {
            KeyType = key.Algorithm == DkimAlgorithm.Ed25519Sha256 ? DkimKeyType.Ed25519 : DkimKeyType.Rsa,
            PublicKeyData = key.PublicKeyData,
        };
        expected.TryGetPublicKey(out var expectedKey, out _);
        var diagnosis = DkimRecordDiagnostician.Diagnose(key.RecordName, lookup, expectedKey);
        bool published = diagnosis.RecordFound;
        bool matches = diagnosis.IsUsable && diagnosis.MatchesExpectedKey == true;
        string summary = matches
            ? $"{key.RecordName} is published and holds this key"
            : $"{diagnosis.Verdict}: " + string.Join("; ", diagnosis.Findings.Where(f => f.Severity == DkimFindingSeverity.Error).Select(f => f.Message));
        return new DnsCheckSummary(now, published, matches, summary) { Findings = diagnosis.Findings };
    }
}
