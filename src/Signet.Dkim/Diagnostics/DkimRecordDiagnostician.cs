using System.Text;
using System.Text.RegularExpressions;
using Signet.Dkim.Keys;
using Signet.Dkim.Lookup;
using Signet.Dkim.Verification;

namespace Signet.Dkim.Diagnostics;

/// <summary>The logic behind checking a published key record: what a receiver would find at the name, and what
/// a mail administrator should fix. Pure: the lookup is done by the caller.</summary>
public static partial class DkimRecordDiagnostician
{
    private const string TruncatedQuestion = "the key looks truncated: was only the first 255-byte string published?";

    /// <summary>Diagnoses the TXT lookup of <paramref name="recordName"/>; with <paramref name="expectedKey"/> also
    /// says whether the published key is that key.</summary>
    public static DkimRecordDiagnosis Diagnose(string recordName, TxtLookupResult lookup, DkimPublicKey? expectedKey)
    {
        ArgumentNullException.ThrowIfNull(recordName);
        ArgumentNullException.ThrowIfNull(lookup);
        var findings = new List<DkimRecordFinding>();
        var txt = SelectRecord(recordName, lookup, findings);
        var record = txt is null ? null : CheckSyntax(txt, findings);
        DkimPublicKey? published = null;
        if (record is not null)
        {
            CheckFlags(record, findings);
            published = CheckKey(record, txt!, findings);
        }

        bool? matches = expectedKey is null ? null : CheckExpectedKey(expectedKey, record, published, findings);
        return new DkimRecordDiagnosis(recordName, findings, record, matches)
        {
            RecordFound = lookup.Status == TxtLookupStatus.Found && lookup.Records.Count > 0,
        };
    }

    private static TxtRecord? SelectRecord(string name, TxtLookupResult lookup, List<DkimRecordFinding> findings)
    {
        string detail = lookup.Detail.Length > 0 ? $" ({lookup.Detail})" : string.Empty;
        switch (lookup.Status)
        {
            case TxtLookupStatus.TemporaryFailure:
                Error(findings, DkimRecordFindingKind.DnsTemporaryFailure,
                    $"the DNS lookup of {name} failed for now{detail}: receivers will defer or treat signatures as unverifiable until DNS answers; try again");
                return null;
            case TxtLookupStatus.PermanentFailure:
                Error(findings, DkimRecordFindingKind.DnsPermanentFailure, $"the DNS lookup of {name} failed{detail}");
                return null;
            case TxtLookupStatus.NotFound:
            case TxtLookupStatus.Found when lookup.Records.Count == 0:
                Error(findings, DkimRecordFindingKind.Missing,
                    $"no TXT record at {name}{detail}: the key is not published there (check the selector and domain; a new record can take up to its TTL to be seen)");
                return null;
        }

        var keys = lookup.Records.Where(r => LooksLikeKeyRecord(r.Join())).ToList();
        if (lookup.Records.Count > 1)
        {
            // RFC 6376 §3.6.2.2: with several TXT records at the name, which one a receiver uses is undefined.
            Error(findings, DkimRecordFindingKind.SeveralRecords,
                $"there are {lookup.Records.Count} TXT records at {name}: a receiver may use any one of them (RFC 6376 §3.6.2.2); publish exactly one");
        }

        if (keys.Count == 0)
        {
            string preview = Preview(lookup.Records[0].Join());
            Error(findings, DkimRecordFindingKind.NotADkimKey, lookup.Records.Count == 1
                ? $"the TXT record at {name} is not a DKIM key: \"{preview}\" (an SPF or site-verification record at the wrong name?)"
                : $"none of the TXT records there is a DKIM key (the first is \"{preview}\")");
            return null;
        }

        return keys[0];
    }

    private static DkimKeyRecord? CheckSyntax(TxtRecord txt, List<DkimRecordFinding> findings)
    {
        byte[] text = txt.Join();
        if (DkimKeyRecord.TryParse(text, out var record, out var failure))
        {
            return record;
        }

        if (DkimTagList.TryParse(text, out var tags, out _) && tags.TryGet("p"u8, out var p)
            && !DkimKeyRecordParser.TryDecodeBase64(p, out _, out _))
        {
            Error(findings, DkimRecordFindingKind.Truncated, Truncated(txt, failure.Message));
        }
        else
        {
            Error(findings, DkimRecordFindingKind.Syntax, $"the key record has a syntax error: {failure.Message}");
        }

        return null;
    }

    private static void CheckFlags(DkimKeyRecord record, List<DkimRecordFinding> findings)
    {
        if (record.IsTesting)
        {
            // RFC 6376 §3.6.1: verifiers MUST NOT treat mail from a signer in testing mode differently from unsigned mail.
            Error(findings, DkimRecordFindingKind.Testing,
                "t=y is still set: receivers treat mail signed with this key as unsigned (RFC 6376 §3.6.1); remove t=y once testing is done");
        }

        if (record.IsStrict)
        {
            findings.Add(new(DkimFindingSeverity.Info, DkimRecordFindingKind.Strict,
                "t=s is set: the i= of signatures must be the signing domain itself, not a subdomain of it"));
        }

        if (!record.AllowsHashAlgorithm("sha256"))
        {
            Error(findings, DkimRecordFindingKind.HashExcluded,
                $"h={string.Join(':', record.AcceptableHashAlgorithms!)} does not allow sha256: receivers will reject rsa-sha256 and ed25519-sha256 signatures made with this key (and rsa-sha1 is no longer accepted, RFC 8301)");
        }

        if (!record.AllowsEmail)
        {
            Error(findings, DkimRecordFindingKind.ServiceExcluded,
                $"s={string.Join(':', record.ServiceTypes)} does not include email: receivers will not use this key for mail (RFC 6376 §3.6.1)");
        }
    }

    private static DkimPublicKey? CheckKey(DkimKeyRecord record, TxtRecord txt, List<DkimRecordFinding> findings)
    {
        if (record.TryGetPublicKey(out var key, out var failure))
        {
            DescribeKey(key, findings);
            return key;
        }

        switch (failure.Reason)
        {
            case DkimFailureReason.KeyRevoked:
                Error(findings, DkimRecordFindingKind.Revoked,
                    "the key has been revoked (p= is empty): mail signed with it fails verification");
                break;
            case DkimFailureReason.KeyTooShort:
                Error(findings, DkimRecordFindingKind.KeyTooShort,
                    $"{failure.Message}; publish a {DkimKeySizes.RecommendedRsaBits}-bit key instead");
                break;
            case DkimFailureReason.KeySyntax when record.KeyType == DkimKeyType.Rsa
                || record.PublicKeyData.Length < DkimKeySizes.Ed25519KeyBytes:
                Error(findings, DkimRecordFindingKind.Truncated, Truncated(txt, failure.Message));
                break;
            default:
                Error(findings, DkimRecordFindingKind.Syntax, $"the key record's p= is not usable: {failure.Message}");
                break;
        }

        return null;
    }

    private static void DescribeKey(DkimPublicKey key, List<DkimRecordFinding> findings)
    {
        if (key.KeyType == DkimKeyType.Ed25519)
        {
            findings.Add(new(DkimFindingSeverity.Info, DkimRecordFindingKind.KeyDescription,
                "the record holds an Ed25519 key (RFC 8463): receivers that do not support Ed25519 ignore its signatures, so sign with an RSA key as well"));
            return;
        }

        if (key.KeySizeBits < DkimKeySizes.RecommendedRsaBits)
        {
            // RFC 8301 §3.2: signers SHOULD use keys of at least 2048 bits.
            findings.Add(new(DkimFindingSeverity.Warning, DkimRecordFindingKind.KeyWeak,
                $"the RSA key is only {key.KeySizeBits} bits: receivers accept it, but RFC 8301 recommends at least {DkimKeySizes.RecommendedRsaBits}; use a longer key at the next rotation"));
            return;
        }

        findings.Add(new(DkimFindingSeverity.Info, DkimRecordFindingKind.KeyDescription,
            $"the record holds a {key.KeySizeBits}-bit RSA key"));
    }

    private static bool CheckExpectedKey(DkimPublicKey expected, DkimKeyRecord? record, DkimPublicKey? published, List<DkimRecordFinding> findings)
    {
        if (record is null)
        {
            return false;
        }

        if (record.KeyType != expected.KeyType)
        {
            Error(findings, DkimRecordFindingKind.KeyTypeMismatch,
                $"the record says k={record.KeyType.ToTagValue()} but the signing key is {expected.KeyType.ToTagValue()}: every signature will fail");
            return false;
        }

        if (published is null)
        {
            return false;
        }

        if (published.ExportRecordData().AsSpan().SequenceEqual(expected.ExportRecordData()))
        {
            findings.Add(new(DkimFindingSeverity.Info, DkimRecordFindingKind.KeyMatches, "the published key is the signing key"));
            return true;
        }

        Error(findings, DkimRecordFindingKind.KeyMismatch,
            "the published key is not the signing key: mail signed with it will fail verification (is an old key still published, or the record of another selector?)");
        return false;
    }

    private static string Truncated(TxtRecord txt, string detail)
    {
        // One string of exactly 255 bytes is what a panel leaves when it keeps only the first string of a long value.
        string shape = txt.Strings is [{ Length: 255 }] ? "; the record is a single string of exactly 255 bytes" : string.Empty;
        return $"{TruncatedQuestion} ({detail}{shape})";
    }

    private static bool LooksLikeKeyRecord(byte[] text)
    {
        string value = Encoding.UTF8.GetString(text).TrimStart();
        return value.StartsWith("v=DKIM1", StringComparison.Ordinal) || KeyTag().IsMatch(value);
    }

    private static string Preview(byte[] text)
    {
        string value = Encoding.UTF8.GetString(text);
        return value.Length <= 60 ? value : value[..60] + "…";
    }

    private static void Error(List<DkimRecordFinding> findings, DkimRecordFindingKind kind, string message) =>
        findings.Add(new(DkimFindingSeverity.Error, kind, message));

    [GeneratedRegex(@"(^|;)\s*[pk]\s*=")]
    private static partial Regex KeyTag();
}
