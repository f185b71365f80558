using System.Security.Cryptography;
using Signet.Dkim.Canonicalization;
using Signet.Dkim.Lookup;
using Signet.Dkim.Messages;
using Signet.Dkim.Signatures;

namespace Signet.Dkim.Verification;

/// <summary>One message being verified: a sequence of named checks per signature, each returning a failure or
/// nothing — CheckAlgorithm, CheckTimes, ResolveKey, CheckBodyHash, CheckSignature, CheckBodyLength.</summary>
public sealed class DkimVerification : IDisposable
{
    private readonly DkimVerifier _verifier;
    private readonly DkimMessageHeader _header;
    // Most messages carry one or two signatures: the list starts at one, not at four.
    private readonly List<Entry> _entries = new(1);
    private readonly DkimBodyHashSet _bodyHashes;
    // One lookup per distinct key name, in a list searched in order: a message has one or two, and a dictionary per
    // message cost more than the search. Past ScannedLookups names (MaximumSignatures can be set high) an index takes
    // over, so that many signatures still cost linear time.
    private readonly List<KeyLookup> _lookups = new(1);
    private Dictionary<string, KeyLookup>? _lookupIndex;
    private const int ScannedLookups = 16;

    internal DkimVerification(DkimVerifier verifier, DkimMessageHeader header, CancellationToken cancellationToken)
    {
        _verifier = verifier;
        _header = header;
        foreach (var field in header.Fields)
        {
            if (field.IsNamed(DkimSignatureParser.FieldName))
            {
                _entries.Add(Prepare(field));
            }
        }

        var requirements = new List<(DkimCanonicalization, long?)>(_entries.Count);
        foreach (var entry in _entries)
        {
            if (entry is { Signature: { } signature, Result: null })
            {
                requirements.Add((signature.Canonicalization.Body, signature.BodyLength));
            }
        }

        _bodyHashes = new DkimBodyHashSet(requirements);
        StartLookups(cancellationToken);
    }

    /// <summary>How many DKIM-Signature fields the message carries.</summary>
    public int SignatureCount => _entries.Count;

    public void AppendBody(ReadOnlySpan<byte> chunk) => _bodyHashes.Append(chunk);

    /// <summary>Ends the body, waits for the key lookups and returns one result per signature, top first.</summary>
    public async ValueTask<IReadOnlyList<DkimSignatureResult>> CompleteAsync(CancellationToken cancellationToken = default)
    {
        _bodyHashes.Finish();
        var results = new List<DkimSignatureResult>(_entries.Count);
        foreach (var entry in _entries)
        {
            if (entry.Result is { } early)
            {
                results.Add(early);
                continue;
            }

            var pending = FindLookup(entry.KeyName!)!;
            // A source that answered at once (a cached key) gave its result without a Task; the rest are awaited.
            var lookup = pending.Result ?? await pending.Task!.WaitAsync(cancellationToken).ConfigureAwait(false);
            results.Add(Finish(entry.Signature!, entry.KeyName!, entry.Identity, lookup));
        }

        return results;
    }

    public void Dispose() => _bodyHashes.Dispose();

    private Entry Prepare(DkimHeaderField field)
    {
        if (_entries.Count >= _verifier.Options.MaximumSignatures)
        {
            var skipped = DkimSignatureParser.TryParse(field, out var parsed, out var skippedIdentity, out _) ? parsed : null;
            var tooMany = new DkimFailure(DkimFailureReason.TooManySignatures,
                $"not checked: the message has more than {_verifier.Options.MaximumSignatures} DKIM signatures");
            return new Entry(skipped, skippedIdentity, DkimSignatureResult.Failed(tooMany, skippedIdentity, skipped), null);
        }

        if (!DkimSignatureParser.TryParse(field, out var signature, out var identity, out var failure))
        {
            return new Entry(null, identity, DkimSignatureResult.Failed(failure, identity, null), null);
        }

        var early = CheckAlgorithm(signature) ?? CheckTimes(signature);
        // The key's name is built once here: the lookup, its cache key and the result's reasons all use it.
        return early is null
            ? new Entry(signature, identity, null, signature.KeyRecordName)
            : new Entry(signature, identity, DkimSignatureResult.Failed(early, identity, signature), null);
    }

    private void StartLookups(CancellationToken cancellationToken)
    {
        foreach (var entry in _entries)
        {
            if (entry is { Result: null, KeyName: { } name } && FindLookup(name) is null)
            {
                var lookup = LookupAsync(name, cancellationToken);
                AddLookup(lookup.IsCompletedSuccessfully
                    ? new KeyLookup(name, lookup.Result, null)
                    : new KeyLookup(name, null, lookup.AsTask()));
            }
        }
    }

    private void AddLookup(KeyLookup lookup)
    {
        _lookups.Add(lookup);
        if (_lookupIndex is not null)
        {
            _lookupIndex.Add(lookup.Name, lookup);
        }
        else if (_lookups.Count > ScannedLookups)
        {
            _lookupIndex = new Dictionary<string, KeyLookup>(StringComparer.OrdinalIgnoreCase);
            foreach (var each in _lookups)
            {
                _lookupIndex.Add(each.Name, each);
            }
        }
    }

    // Key names are DNS names: one name looked up once, whatever the case of its letters.
    private KeyLookup? FindLookup(string name)
    {
        if (_lookupIndex is not null)
        {
            return _lookupIndex.GetValueOrDefault(name);
        }

        foreach (var lookup in _lookups)
        {
            if (string.Equals(lookup.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return lookup;
            }
        }

        return null;
    }

    private async ValueTask<TxtLookupResult> LookupAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _verifier.KeySource.LookupTxtAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Infrastructure faults are caught at the edge and become temperror.
            return TxtLookupResult.TemporaryFailure(exception.Message);
        }
    }

    private DkimSignatureResult Finish(DkimSignature signature, string keyName, DkimSignatureIdentity identity, TxtLookupResult lookup)
    {
        var failure = DkimKeyResolution.Resolve(signature, keyName, lookup, _verifier.KeyCache, out var record, out var key)
            ?? CheckBodyHash(signature)
            ?? CheckSignature(signature, key!);
        if (failure is not null)
        {
            return DkimSignatureResult.Failed(failure, identity, signature) with { KeySizeBits = key?.KeySizeBits, KeyIsTesting = record?.IsTesting ?? false };
        }

        var lengthNote = CheckBodyLength(signature);
        var status = lengthNote is not null && _verifier.Options.BodyLengthPolicy == DkimBodyLengthPolicy.ReportAsPolicy
            ? DkimResultStatus.Policy
            : DkimResultStatus.Pass;
        return new DkimSignatureResult
        {
            Status = status,
            Failure = lengthNote,
            Identity = identity,
            Signature = signature,
            KeySizeBits = key!.KeySizeBits,
            KeyIsTesting = record!.IsTesting,
        };
    }

    // RFC 8301 §3.1: verifiers MUST NOT consider rsa-sha1 signatures valid.
    private static DkimFailure? CheckAlgorithm(DkimSignature signature) =>
        signature.Algorithm == DkimAlgorithm.RsaSha1
            ? new DkimFailure(DkimFailureReason.RsaSha1NotAccepted, "a=rsa-sha1 is no longer accepted: SHA-1 signatures are forgeable (RFC 8301)")
            : null;

    private DkimFailure? CheckTimes(DkimSignature signature)
    {
        long now = _verifier.Time.GetUtcNow().ToUnixTimeSeconds();
        if (signature.Expiration is { } expiration && expiration < now)
        {
            return new DkimFailure(DkimFailureReason.Expired,
                $"the signature expired at {DateTimeOffset.FromUnixTimeSeconds(expiration):u} (x={expiration})");
        }

        if (signature.Timestamp is { } timestamp && timestamp > now + (long)_verifier.Options.MaximumClockSkew.TotalSeconds)
        {
            return new DkimFailure(DkimFailureReason.TimestampInFuture,
                $"the signature claims to be made at {DateTimeOffset.FromUnixTimeSeconds(Math.Min(timestamp, 253402300799)):u} (t={timestamp}), in the future");
        }

        return null;
    }

    private DkimFailure? CheckBodyHash(DkimSignature signature)
    {
        return _bodyHashes.HashEquals(signature.Canonicalization.Body, signature.BodyLength, signature.BodyHash)
            ? null
            : new DkimFailure(DkimFailureReason.BodyHashMismatch,
                "body hash mismatch: the body was changed after signing (its hash no longer matches bh=)");
    }

    private DkimFailure? CheckSignature(DkimSignature signature, Keys.DkimPublicKey key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        DkimHeaderHash.Compute(_header, signature.SignedHeaders, signature.Canonicalization.Header, signature.Field.Raw, hash);
        return key.VerifyHash(hash, signature.SignatureData)
            ? null
            : new DkimFailure(DkimFailureReason.SignatureMismatch,
                "signature mismatch: a signed header field was changed, or b= was not made with this key");
    }

    private DkimFailure? CheckBodyLength(DkimSignature signature)
    {
        if (signature.BodyLength is not { } signedLength)
        {
            return null;
        }

        long bodyLength = _bodyHashes.GetCanonicalLength(signature.Canonicalization.Body);
        return signedLength < bodyLength
            ? new DkimFailure(DkimFailureReason.BodyLengthShorterThanBody,
                $"l={signedLength} signs only the first {signedLength} of {bodyLength} body bytes: the rest could have been added by anyone")
            : null;
    }

    private sealed record Entry(DkimSignature? Signature, DkimSignatureIdentity Identity, DkimSignatureResult? Result, string? KeyName);

    /// <summary>A key name's lookup: its result when the source answered at once, else the task that will.</summary>
    private sealed record KeyLookup(string Name, TxtLookupResult? Result, Task<TxtLookupResult>? Task);
}
