namespace Signet.Dkim.Verification;

/// <summary>Why a signature did not pass: a closed set, each with a status (<see cref="DkimFailureReasons.StatusOf"/>)
/// and a sentence a mail administrator understands.</summary>
public enum DkimFailureReason
{
    BodyHashMismatch,
    SignatureMismatch,
    KeyNotFound,
    KeyRevoked,
    KeyTooShort,
    KeySyntax,
    KeyTypeMismatch,
    KeyHashExcluded,
    KeyServiceTypeExcluded,
    KeyStrictSubdomain,
    RsaSha1NotAccepted,
    UnsupportedAlgorithm,
    UnsupportedVersion,
    TagSyntax,
    MissingRequiredTag,
    Expired,
    ExpiryBeforeTimestamp,
    TimestampInFuture,
    IdentityOutsideDomain,
    FromNotSigned,
    BodyLengthShorterThanBody,
    DnsTemporaryFailure,
    DnsPermanentFailure,
    TooManySignatures,
}
