using Signet.Dkim;
using Signet.Dkim.Diagnostics;
using Signet.Dkim.Keys;
using Signet.Dkim.Lookup;
using Signet.Store.Model;

namespace Signet.Store.Lifecycle;

/// <summary>Turns the lookup of a key's record into the summary kept on the key: published, matching, and in words.</summary>
internal static class DnsCheck
{
    public static DnsCheckSummary Summarize(KeyEntry key, TxtLookupResult lookup, DateTimeOffset now)
    {
        var expected = new DkimKeyRecord
        {
            KeyType = key.Algorithm == DkimAlgorithm.Ed25519Sha256 ? DkimKeyType.Ed25519 : DkimKeyType.Rsa,
            PublicKeyData = key.PublicKeyData,
        };
        expected.TryGetPublicKey(out var expectedKey, out _);
        var diagnosis = DkimRecordDiagnostician.Diagnose(key.RecordName, lookup, expectedKey);
        bool published = diagnosis.Record is not null;
        bool matches = diagnosis.IsUsable && diagnosis.MatchesExpectedKey == true;
        string summary = matches
            ? $"{key.RecordName} is published and holds this key"
            : string.Join("; ", diagnosis.Findings.Where(f => f.Severity == DkimFindingSeverity.Error).Select(f => f.Message));
        return new DnsCheckSummary(now, published, matches, summary) { Findings = diagnosis.Findings };
    }
}
