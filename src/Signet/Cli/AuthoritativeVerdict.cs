using Signet.Dkim.Diagnostics;
using Signet.Dkim.Keys;
using Signet.Dns.Authoritative;

namespace Signet.Cli;

/// <summary>One authoritative server's answer judged for check-dns: a word (ok, old record, wrong, not found,
/// timeout, SERVFAIL, refused, failed, differs) and the diagnosis of what it serves.</summary>
public sealed record AuthoritativeVerdict(AuthoritativeServerAnswer Answer, string Word, DkimRecordDiagnosis Diagnosis)
{
    public bool IsOk => Word == "ok";

    /// <summary>Judges every server; without an expected key, servers that serve a record other than the first
    /// usable one are "differs": receivers get one or the other depending on the server they ask.</summary>
    public static IReadOnlyList<AuthoritativeVerdict> Judge(AuthoritativeTxtAnswers answers, DkimPublicKey? expectedKey)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var verdicts = answers.Answers
            .Select(a => Judge(a, DkimRecordDiagnostician.Diagnose(answers.QueriedName, a.Lookup, expectedKey)))
            .ToList();
        var reference = verdicts.FirstOrDefault(v => v.IsOk)?.Diagnosis.Record;
        return reference is null || expectedKey is not null
            ? verdicts
            : verdicts.Select(v => v.IsOk && !SameKey(v.Diagnosis.Record!, reference) ? v with { Word = "differs" } : v).ToList();
    }

    private static AuthoritativeVerdict Judge(AuthoritativeServerAnswer answer, DkimRecordDiagnosis diagnosis)
    {
        string word = answer.Outcome switch
        {
            AuthoritativeServerOutcome.Timeout => "timeout",
            AuthoritativeServerOutcome.ServerFailure => "SERVFAIL",
            AuthoritativeServerOutcome.Refused => "refused",
            AuthoritativeServerOutcome.NotFound => "not found",
            AuthoritativeServerOutcome.Failed => "failed",
            _ when diagnosis.Findings.Any(f => f.Kind == DkimRecordFindingKind.KeyMismatch) => "old record",
            _ when diagnosis.IsUsable && diagnosis.MatchesExpectedKey != false => "ok",
            _ => "wrong",
        };
        return new AuthoritativeVerdict(answer, word, diagnosis);
    }

    private static bool SameKey(DkimKeyRecord a, DkimKeyRecord b) =>
        a.KeyType == b.KeyType && a.PublicKeyData.AsSpan().SequenceEqual(b.PublicKeyData);
}
