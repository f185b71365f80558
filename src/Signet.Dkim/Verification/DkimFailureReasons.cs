namespace Signet.Dkim.Verification;

/// <summary>The one place that maps a failure reason to its result status (RFC 6376 §6.1, RFC 8601 §2.7.1)
/// and to the short token used in Authentication-Results comments and JSON.</summary>
public static class DkimFailureReasons
{
    public static DkimResultStatus StatusOf(DkimFailureReason reason) => reason switch
    {
        DkimFailureReason.BodyHashMismatch or DkimFailureReason.SignatureMismatch => DkimResultStatus.Fail,
        DkimFailureReason.DnsTemporaryFailure => DkimResultStatus.TempError,
        DkimFailureReason.BodyLengthShorterThanBody => DkimResultStatus.Policy,
        DkimFailureReason.TooManySignatures => DkimResultStatus.Neutral,
        _ => DkimResultStatus.PermError,
    };

    /// <summary>A stable kebab-case token for scripts: <c>body-hash-mismatch</c>, <c>key-revoked</c>…</summary>
    public static string Token(DkimFailureReason reason) => reason switch
    {
        DkimFailureReason.BodyHashMismatch => "body-hash-mismatch",
        DkimFailureReason.SignatureMismatch => "signature-mismatch",
        DkimFailureReason.KeyNotFound => "key-not-found",
        DkimFailureReason.KeyRevoked => "key-revoked",
        DkimFailureReason.KeyTooShort => "key-too-short",
        DkimFailureReason.KeySyntax => "key-syntax",
        DkimFailureReason.KeyTypeMismatch => "key-type-mismatch",
        DkimFailureReason.KeyHashExcluded => "key-hash-excluded",
        DkimFailureReason.KeyServiceTypeExcluded => "key-service-excluded",
        DkimFailureReason.KeyStrictSubdomain => "key-strict-subdomain",
        DkimFailureReason.RsaSha1NotAccepted => "rsa-sha1-not-accepted",
        DkimFailureReason.UnsupportedAlgorithm => "unsupported-algorithm",
        DkimFailureReason.UnsupportedVersion => "unsupported-version",
        DkimFailureReason.TagSyntax => "tag-syntax",
        DkimFailureReason.MissingRequiredTag => "missing-tag",
        DkimFailureReason.Expired => "expired",
        DkimFailureReason.ExpiryBeforeTimestamp => "expiry-before-timestamp",
        DkimFailureReason.TimestampInFuture => "timestamp-in-future",
        DkimFailureReason.IdentityOutsideDomain => "identity-outside-domain",
        DkimFailureReason.FromNotSigned => "from-not-signed",
        DkimFailureReason.BodyLengthShorterThanBody => "body-length-limited",
        DkimFailureReason.DnsTemporaryFailure => "dns-temporary-failure",
        DkimFailureReason.DnsPermanentFailure => "dns-permanent-failure",
        DkimFailureReason.TooManySignatures => "too-many-signatures",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
