using Signet.Dkim.Keys;
using Signet.Dkim.Lookup;
using Signet.Dkim.Signatures;

namespace Signet.Dkim.Verification;

/// <summary>Turns the TXT answer for a signature's key name into a usable public key, or the precise reason why
/// there is none (RFC 6376 §6.1.2). DNS outcomes map to results here and nowhere else.</summary>
internal static class DkimKeyResolution
{
    /// <param name="name">The signature's <see cref="DkimSignature.KeyRecordName"/>, as the caller looked it up.</param>
    public static DkimFailure? Resolve(DkimSignature signature, string name, TxtLookupResult lookup, DkimParsedKeyCache cache, out DkimKeyRecord? record, out DkimPublicKey? key)
    {
        record = null;
        key = null;
        switch (lookup.Status)
        {
            case TxtLookupStatus.NotFound:
                return new DkimFailure(DkimFailureReason.KeyNotFound, $"no key record at {name}{Detail(lookup)}");
            case TxtLookupStatus.TemporaryFailure:
                return new DkimFailure(DkimFailureReason.DnsTemporaryFailure, $"the key at {name} could not be looked up now{Detail(lookup)}");
            case TxtLookupStatus.PermanentFailure:
                return new DkimFailure(DkimFailureReason.DnsPermanentFailure, $"the DNS answer for {name} is unusable{Detail(lookup)}");
        }

        var parsed = FirstKeyRecord(name, lookup.Records, cache, out var failure);
        if (parsed is null)
        {
            return failure;
        }

        record = parsed.Record!;
        key = parsed.Key;
        return CheckRecordAgainstSignature(signature, record) ?? parsed.KeyFailure;
    }

    // RFC 6376 §3.6.2.2: with several TXT records the result is undefined; we take the first that parses as a
    // key record, and report the first error only when none does.
    private static DkimParsedKey? FirstKeyRecord(string name, IReadOnlyList<TxtRecord> records, DkimParsedKeyCache cache, out DkimFailure? failure)
    {
        failure = null;
        foreach (var txt in records)
        {
            var parsed = cache.Get(txt);
            if (parsed.Record is not null)
            {
                return parsed;
            }

            failure ??= parsed.RecordFailure! with { Message = $"the key record at {name} is unusable: {parsed.RecordFailure!.Message}" };
        }

        failure ??= new DkimFailure(DkimFailureReason.KeyNotFound, $"no key record at {name}");
        return null;
    }

    private static DkimFailure? CheckRecordAgainstSignature(DkimSignature signature, DkimKeyRecord record)
    {
        if (record.KeyType != signature.Algorithm.KeyType())
        {
            return new DkimFailure(DkimFailureReason.KeyTypeMismatch,
                $"the key record is k={record.KeyType.ToTagValue()} but the signature is a={signature.Algorithm.ToTagValue()}");
        }

        // RFC 6376 §3.6.1: h= lists the hash algorithms the key may be used with.
        if (!record.AllowsHashAlgorithm("sha256"))
        {
            return new DkimFailure(DkimFailureReason.KeyHashExcluded,
                $"the key record allows only h={string.Join(':', record.AcceptableHashAlgorithms!)}, not sha256");
        }

        if (!record.AllowsEmail)
        {
            return new DkimFailure(DkimFailureReason.KeyServiceTypeExcluded,
                $"the key record is for s={string.Join(':', record.ServiceTypes)}, not email");
        }

        // RFC 6376 §3.6.1 t=s: the i= domain must be exactly d=, not a subdomain.
        if (record.IsStrict && signature.IdentifierDomain != signature.SigningDomain)
        {
            return new DkimFailure(DkimFailureReason.KeyStrictSubdomain,
                $"the key record says t=s (no subdomains) but i= is in {signature.IdentifierDomain}");
        }

        return null;
    }

    private static string Detail(TxtLookupResult lookup) => lookup.Detail.Length > 0 ? $" ({lookup.Detail})" : string.Empty;
}
